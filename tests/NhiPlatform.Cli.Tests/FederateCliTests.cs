using System.Text.Json;

namespace NhiPlatform.Cli.Tests;

/// <summary><c>nhi identities federate</c> against the platform under the AppHost (run mode: loopback http issuers allowed).</summary>
public sealed class FederateCliTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private Task<NhiResult> NhiAsync(params string[] arguments) =>
        NhiProcess.RunAsync([.. arguments, "--state-dir", platform.StateDirectory]);

    [Fact]
    public async Task Federate_AddListGetDelete_RoundTripsAndRefusesBadInput()
    {
        var created = (await NhiAsync("identities", "create", "--name", "cli federated", "--owner", "team-cli", "--purpose", "CLI federation",
            "--scope", "echo.read", "--json")).Json();
        var clientId = created.GetProperty("clientId").GetString()!;

        // A loopback http issuer: accepted because the AppHost turns the option on in run mode.
        var added = (await NhiAsync("identities", "federate", "add", clientId, "--name", "ci-deploy", "--issuer", "http://127.0.0.1:9",
            "--subject", "system:serviceaccount:ci:deploy", "--claim", "environment=prod", "--json")).Json();
        var listed = (await NhiAsync("identities", "federate", "list", clientId, "--json")).Json();
        var got = (await NhiAsync("identities", "federate", "get", clientId, "ci-deploy", "--json")).Json();
        var reserved = await NhiAsync("identities", "federate", "add", clientId, "--name", "bad", "--issuer", "https://issuer.test",
            "--subject", "s", "--claim", "sub=other");
        var deleted = await NhiAsync("identities", "federate", "delete", clientId, "ci-deploy");
        var gone = await NhiAsync("identities", "federate", "get", clientId, "ci-deploy");

        Assert.Equal("system:serviceaccount:ci:deploy", added.GetProperty("subject").GetString());
        Assert.Equal("prod", added.GetProperty("claims").GetProperty("environment").GetString());
        Assert.Equal("ci-deploy", Assert.Single(listed.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, got.GetProperty("audiences").ValueKind);
        Assert.Equal(1, reserved.ExitCode);
        Assert.Contains("claims", reserved.Error, StringComparison.Ordinal);
        Assert.Equal(0, deleted.ExitCode);
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("404", gone.Error, StringComparison.Ordinal);
    }
}
