using System.Net.Http.Headers;
using System.Text.Json;

namespace NhiPlatform.Cli.Tests;

/// <summary>The inventory commands against a platform that has seen real calls through the gateway.</summary>
public sealed class InventoryCliTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private Task<NhiResult> NhiAsync(params string[] arguments) =>
        NhiProcess.RunAsync([.. arguments, "--state-dir", platform.StateDirectory]);

    /// <summary>Registers an identity and calls the echo service through the gateway as it; its client id and token.</summary>
    private async Task<(string ClientId, string Token)> CallEchoAsync(string name)
    {
        var created = (await NhiAsync("identities", "create", "--name", name, "--owner", "team-inventory-cli", "--purpose", "CLI test",
            "--scope", "echo.read", "--json")).Json();
        var clientId = created.GetProperty("clientId").GetString()!;
        var token = (await NhiAsync("token", "get", "--client-id", clientId, "--client-secret",
            created.GetProperty("clientSecret").GetString()!, "--scope", "echo.read")).Output.Trim();
        var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(platform.StateDirectory, "endpoints.json"))).RootElement;
        using var http = new HttpClient { BaseAddress = new Uri(endpoints.GetProperty("gateway").GetString()!) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/svc/echo/cli");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
        return (clientId, token);
    }

    private async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value) || timeout.IsCancellationRequested)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task WhoCalls_EchoRoute_NamesTheCallerAndItsOwner()
    {
        var (clientId, _) = await CallEchoAsync("cli who calls");

        var callers = await EventuallyAsync(async () => (await NhiAsync("who-calls", "echo", "--json")).Json(),
            json => json.EnumerateArray().Any(c => c.GetProperty("caller").GetString() == clientId));

        var caller = Assert.Single(callers.EnumerateArray(), c => c.GetProperty("caller").GetString() == clientId);
        Assert.Equal("team-inventory-cli", caller.GetProperty("owner").GetString());
        Assert.True(caller.GetProperty("calls").GetInt64() >= 1);
    }

    /// <summary>Seen: a typo printed an empty table and exited 0, as if nobody called it.</summary>
    [Fact]
    public async Task WhoCalls_UnknownName_ExitsOneAndSuggestsTheCloseOne()
    {
        var (clientId, _) = await CallEchoAsync("cli who calls typo");
        await EventuallyAsync(async () => (await NhiAsync("who-calls", "echo", "--json")).Json(),
            json => json.EnumerateArray().Any(c => c.GetProperty("caller").GetString() == clientId));

        var typo = await NhiAsync("who-calls", "ehco");

        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("No route or service called through the gateway named 'ehco'. Did you mean: echo", typo.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotated_UnknownIdentity_ExitsOneAndSuggestsTheCloseOne()
    {
        var (clientId, _) = await CallEchoAsync("cli rotated typo");
        var typo = clientId[..^1] + (clientId[^1] == 'x' ? 'y' : 'x');

        var answer = await NhiAsync("rotated", typo);

        Assert.Equal(1, answer.ExitCode);
        Assert.Contains($"No identity or credential named '{typo}'. Did you mean: {clientId}", answer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnerOf_RawToken_NamesTheOwnerButIsNotVerified()
    {
        var (clientId, token) = await CallEchoAsync("cli owner of");
        await EventuallyAsync(async () => (await NhiAsync("who-calls", "echo", "--json")).Json(),
            json => json.EnumerateArray().Any(c => c.GetProperty("caller").GetString() == clientId));

        var owner = (await NhiAsync("owner-of", token, "--json")).Json();

        Assert.Equal(clientId, owner.GetProperty("clientId").GetString());
        Assert.Equal("team-inventory-cli", owner.GetProperty("owner").GetString());
        Assert.False(owner.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task OwnerOf_ClientId_TableShowsTheOwner()
    {
        var (clientId, _) = await CallEchoAsync("cli owner of client");
        await EventuallyAsync(async () => (await NhiAsync("who-calls", "echo", "--json")).Json(),
            json => json.EnumerateArray().Any(c => c.GetProperty("caller").GetString() == clientId));

        var table = await NhiAsync("owner-of", clientId);

        Assert.Equal(0, table.ExitCode);
        var ownerLine = Assert.Single(table.Output.Split('\n'), line => line.TrimStart().StartsWith("owner", StringComparison.Ordinal));
        Assert.Contains("team-inventory-cli", ownerLine, StringComparison.Ordinal);
        Assert.Contains("cli owner of client", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_AfterACall_HasTheEdgeToEcho()
    {
        var (clientId, _) = await CallEchoAsync("cli map");

        var map = await EventuallyAsync(async () => (await NhiAsync("map", "--json")).Json(),
            json => json.GetProperty("edges").EnumerateArray().Any(e => e.GetProperty("source").GetString()!.Contains(clientId, StringComparison.Ordinal)));

        Assert.Contains(map.GetProperty("edges").EnumerateArray(),
            e => e.GetProperty("source").GetString()!.Contains(clientId, StringComparison.Ordinal) && e.GetProperty("target").GetString()!.Contains("echo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Findings_FailOnLow_ExitsThreeWhenAnyOpenFindingExists()
    {
        // An API key without an owner is an ownerless finding, whatever else the platform holds.
        var keys = Path.Combine(Directory.CreateTempSubdirectory("nhi-cli-keys-").FullName, "keys.csv");
        await File.WriteAllTextAsync(keys, "name,system,owner,created,expires,last_rotated\nlegacy-ftp-key,ftp,,2024-01-01,2030-01-01,2024-01-01\n");
        var imported = await NhiAsync("import", "keys", keys);
        Assert.True(imported.ExitCode == 0, imported.Error);

        var gated = await NhiAsync("findings", "list", "--evaluate", "--fail-on", "low");
        var listed = (await NhiAsync("findings", "list", "--json")).Json();

        Assert.Equal(3, gated.ExitCode);
        Assert.NotEqual(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwo()
    {
        var result = await NhiAsync("import", "keys", "/nonexistent/keys.csv");

        Assert.Equal(2, result.ExitCode);
    }
}
