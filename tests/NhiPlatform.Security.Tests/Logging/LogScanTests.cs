using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.Testing.Attacks;
using NhiPlatform.Testing.Logging;

namespace NhiPlatform.Security.Tests.Logging;

/// <summary>
/// The log scan, asked here of a flow that handles every kind of sensitive value (and of whatever the suite did before
/// it); <see cref="SecurityPlatform.DisposeAsync"/> asks it again of every line once the suite is over.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class LogScanTests(SecurityPlatform platform)
{
    [Fact]
    public async Task EveryHost_LogsNoSecretTokenOrAssertion()
    {
        await HandleEveryKindOfSensitiveValueAsync();

        // Services write their logs on their own time: read until the flow's own lines are in (bounded), then check.
        var lines = await ReadUntilAsync(HoldsTheFlow, TimeSpan.FromSeconds(30));
        var hits = LogScanner.Scan(lines.Select(line => $"{line.Resource}: {line.Text}"), platform.Sensitive);

        // The scan must have had something to look at: lines from each service, including the request and token lines.
        Assert.True(lines.Length > 1000, $"Only {lines.Length} log lines were read.");
        Assert.Contains(lines, l => l.Text.StartsWith("dbug: ", StringComparison.Ordinal));
        Assert.Contains(lines, IsTokenRequestLine);
        Assert.Contains(lines, IsTokenEndpointLine);
        Assert.Contains(lines, l => l.Resource == NhiResources.Gateway && l.Text.Contains(": NhiPlatform.Gateway.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Resource == NhiResources.Inventory && l.Text.Contains(": NhiPlatform.Inventory.", StringComparison.Ordinal));
        Assert.True(platform.Sensitive.Count > 10, $"Only {platform.Sensitive.Count} sensitive values were recorded.");
        Assert.True(hits.Count == 0, $"{hits.Count} log line(s) hold a secret, token or assertion:\n{string.Join('\n', hits.Take(20))}");
    }

    private static bool IsTokenRequestLine(ResourceLogLine line) =>
        line.Resource == NhiResources.Tokens && line.Text.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal)
        && line.Text.Contains("/connect/token", StringComparison.Ordinal);

    private static bool IsTokenEndpointLine(ResourceLogLine line) =>
        line.Resource == NhiResources.Tokens && line.Text.Contains(": NhiPlatform.TokenService.Protocol.TokenEndpointHandler[", StringComparison.Ordinal);

    private static bool HoldsTheFlow(IReadOnlyList<ResourceLogLine> lines) =>
        lines.Any(IsTokenRequestLine) && lines.Any(IsTokenEndpointLine)
        && lines.Any(l => l.Resource == NhiResources.Gateway && l.Text.Contains(": NhiPlatform.Gateway.", StringComparison.Ordinal))
        && lines.Any(l => l.Resource == NhiResources.Inventory && l.Text.Contains(": NhiPlatform.Inventory.", StringComparison.Ordinal));

    private async Task<ResourceLogLine[]> ReadUntilAsync(Func<IReadOnlyList<ResourceLogLine>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var lines = (await platform.Logs.ReadAllAsync()).ToArray();
            if (done(lines) || DateTimeOffset.UtcNow > deadline)
            {
                return lines;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    [Fact]
    public void Scanner_FindsWhatItLooksFor()
    {
        var sensitive = new SensitiveValues();
        sensitive.AddSecret("nhi_sk_" + new string('1', 72));
        var token = new AttackTarget("https://i", "a", "s", "k", RSA.Create(2048)).Valid();
        sensitive.AddJwt(token, "access token");

        var hits = LogScanner.Scan(
        [
            "clean line", $"secret {"nhi_sk_" + new string('1', 72)}", $"bare {new string('1', 72)}", $"token {token}",
            $"payload {token.Split('.')[1]}", "unknown jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig", "unknown secret nhi_sk_0123456789abcdef",
        ], sensitive);

        Assert.Equal(6, hits.Count);
    }

    /// <summary>Client secrets (issued, rotated, guessed), tokens (issued, exchanged, introspected, revoked) and an assertion, through the gateway.</summary>
    private async Task HandleEveryKindOfSensitiveValueAsync()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync([NhiScopes.EchoRead, NhiScopes.Read]);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.EchoRead);
        using (var call = await platform.Client.GetWithBearerAsync("/svc/echo/security-log-scan", token))
        {
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        using (var inventory = await platform.Client.GetWithBearerAsync("/api/inventory/identities", await platform.Client.AdminTokenAsync()))
        {
            Assert.Equal(HttpStatusCode.OK, inventory.StatusCode);
        }

        using var rotated = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials/rotate", new { graceSeconds = 60 });
        var rotatedSecret = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("clientSecret").GetString()!;
        var exchange = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = token,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
        };
        (await platform.Client.PostFormAsync("/connect/token", exchange, (clientId, rotatedSecret))).Dispose();
        (await platform.Client.PostFormAsync("/connect/introspect", new() { ["token"] = token }, (clientId, secret))).Dispose();
        (await platform.Client.PostFormAsync("/connect/revoke", new() { ["token"] = token }, (clientId, secret))).Dispose();
        var guess = "nhi_sk_" + new string('e', 72);
        platform.Sensitive.AddSecret(guess);
        (await platform.Client.RequestTokenAsync(clientId, guess)).Dispose();

        using var key = RSA.Create(2048);
        var publicKey = key.ExportParameters(false);
        (await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials",
            new { jwk = new { kty = "RSA", n = Jwt.Encode(publicKey.Modulus), e = Jwt.Encode(publicKey.Exponent) } })).Dispose();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var assertion = Jwt.Rs256(key, Jwt.Header("RS256", kid: null, typ: "JWT"), new Dictionary<string, object?>
        {
            ["iss"] = clientId, ["sub"] = clientId, ["aud"] = platform.Issuer + "/connect/token",
            ["jti"] = Guid.NewGuid().ToString("N"), ["iat"] = now, ["exp"] = now + 60,
        });
        platform.Sensitive.AddJwt(assertion, "client assertion");
        (await platform.Client.PostFormAsync("/connect/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        })).Dispose();
    }
}
