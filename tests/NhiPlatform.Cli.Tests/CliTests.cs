using System.Text.Json;

namespace NhiPlatform.Cli.Tests;

/// <summary><c>nhi</c> end to end against a running platform: JSON output parsed, exit codes checked.</summary>
public sealed class CliTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private Task<NhiResult> NhiAsync(params string[] arguments) =>
        NhiProcess.RunAsync([.. arguments, "--state-dir", platform.StateDirectory]);

    private async Task<(string ClientId, string Secret)> CreateAsync(string name, params string[] scopes)
    {
        var arguments = new List<string> { "identities", "create", "--name", name, "--owner", "team-cli", "--purpose", "CLI test", "--json" };
        foreach (var scope in scopes)
        {
            arguments.AddRange(["--scope", scope]);
        }

        var created = (await NhiAsync([.. arguments])).Json();
        return (created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }

    [Fact]
    public async Task Identities_CreateListShow_AgreeInJson()
    {
        var (clientId, secret) = await CreateAsync("cli orders", "echo.read");

        var list = (await NhiAsync("identities", "list", "--json")).Json();
        var shown = (await NhiAsync("identities", "show", clientId, "--json")).Json();

        Assert.StartsWith("nhi_sk_", secret, StringComparison.Ordinal);
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("clientId").GetString() == clientId);
        Assert.Equal("team-cli", shown.GetProperty("owner").GetString());
        Assert.Equal("CLI test", shown.GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task Identities_List_HumanTableHasHeaderAndRow()
    {
        var (clientId, _) = await CreateAsync("cli table", "echo.read");

        var result = await NhiAsync("identities", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("CLIENT ID", result.Output, StringComparison.Ordinal);
        Assert.Contains(clientId, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_RotateWithoutGrace_OnlyTheNewSecretWorks()
    {
        var (clientId, oldSecret) = await CreateAsync("cli rotate", "echo.read");

        var rotated = (await NhiAsync("credentials", "rotate", clientId, "--grace", "00:00:00", "--json")).Json();
        var listed = (await NhiAsync("credentials", "list", clientId, "--json")).Json();
        var withOld = await NhiAsync("token", "get", "--client-id", clientId, "--client-secret", oldSecret);
        var withNew = await NhiAsync("token", "get", "--client-id", clientId, "--client-secret", rotated.GetProperty("clientSecret").GetString()!);

        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal(1, withOld.ExitCode);
        Assert.Equal(0, withNew.ExitCode);
    }

    [Fact]
    public async Task Identities_DisableEnableTransfer_ChangeWhatShowReports()
    {
        var (clientId, secret) = await CreateAsync("cli lifecycle", "echo.read");

        var disabled = await NhiAsync("identities", "disable", clientId, "--reason", "CLI test");
        var refused = await NhiAsync("token", "get", "--client-id", clientId, "--client-secret", secret);
        var enabled = await NhiAsync("identities", "enable", clientId);
        var transferred = await NhiAsync("identities", "transfer", clientId, "--to", "team-new-owner", "--reason", "reorg");
        var shown = (await NhiAsync("identities", "show", clientId, "--json")).Json();

        Assert.Equal(0, disabled.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(0, enabled.ExitCode);
        Assert.Equal(0, transferred.ExitCode);
        Assert.Equal("team-new-owner", shown.GetProperty("owner").GetString());
        Assert.Equal("active", shown.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Token_GetThenInspect_ShowsTheIdentitysClaims()
    {
        var (clientId, secret) = await CreateAsync("cli token", "echo.read");

        var token = await NhiAsync("token", "get", "--client-id", clientId, "--client-secret", secret, "--scope", "echo.read");
        var inspected = (await NhiAsync("token", "inspect", token.Output.Trim(), "--json")).Json();

        Assert.Equal(0, token.ExitCode);
        Assert.False(inspected.GetProperty("verified").GetBoolean());
        Assert.Equal(clientId, inspected.GetProperty("payload").GetProperty("client_id").GetString());
        Assert.Equal("at+jwt", inspected.GetProperty("header").GetProperty("typ").GetString());
    }

    [Fact]
    public async Task Token_GetDPoP_ShowsABoundToken_AndTheRequireDPoPPolicyRefusesBearer()
    {
        var created = (await NhiAsync("identities", "create", "--name", "cli dpop", "--owner", "team-cli", "--purpose", "CLI test",
            "--scope", "echo.read", "--require-dpop", "--json")).Json();
        var clientId = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;

        var bearer = await NhiAsync("token", "get", "--client-id", clientId, "--client-secret", secret);
        var bound = (await NhiAsync("token", "get", "--dpop", "--client-id", clientId, "--client-secret", secret, "--json")).Json();
        var human = await NhiAsync("token", "get", "--dpop", "--client-id", clientId, "--client-secret", secret);
        var lifted = await NhiAsync("identities", "require-dpop", clientId, "--off");
        var bearerAfter = await NhiAsync("token", "get", "--client-id", clientId, "--client-secret", secret);

        Assert.True(created.GetProperty("identity").GetProperty("requireSenderConstrainedTokens").GetBoolean());
        Assert.Equal(1, bearer.ExitCode);
        Assert.Contains("invalid_dpop_proof", bearer.Error, StringComparison.Ordinal);
        Assert.Equal("DPoP", bound.GetProperty("token_type").GetString());
        Assert.Contains("bound to key thumbprint (cnf.jkt)", human.Output, StringComparison.Ordinal);
        Assert.Equal(0, lifted.ExitCode);
        Assert.Equal(0, bearerAfter.ExitCode);
    }

    [Fact]
    public async Task Token_WrongSecret_ExitsOneWithOAuthError()
    {
        var (clientId, _) = await CreateAsync("cli wrong", "echo.read");

        var result = await NhiAsync("token", "get", "--client-id", clientId, "--client-secret", "nhi_sk_not-it");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("invalid_client", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("nhi_sk_not-it", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingOwner_ExitsTwo()
    {
        var result = await NhiAsync("identities", "create", "--name", "x", "--purpose", "p");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--owner", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ui_PrintsThePageUnderTheGateway()
    {
        var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(platform.StateDirectory, "endpoints.json"))).RootElement;

        var result = await NhiAsync("ui");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{endpoints.GetProperty("gateway").GetString()!.TrimEnd('/')}/ui/", result.Output.Trim());
    }

    [Fact]
    public async Task NotRunning_ExitsOneAndSaysHowToStart()
    {
        var empty = Directory.CreateTempSubdirectory("nhi-cli-empty-").FullName;

        var result = await NhiProcess.RunAsync("identities", "list", "--state-dir", empty);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("./run.sh", result.Error, StringComparison.Ordinal);
    }
}
