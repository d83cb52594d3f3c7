using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Logging;
using NhiPlatform.TokenService.IntegrationTests.Protocol;

namespace NhiPlatform.TokenService.IntegrationTests.Conformance;

/// <summary>Captures every log line of a full flow at Trace level and finds no secret, assertion or token in it.</summary>
[Collection(ServersCollection.Name)]
public sealed class NoSecretsInLogsTests(LocalServersFixture servers) : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers,
        settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
        configureServices: services => services.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FullFlow_LogsNoSecretAssertionOrToken()
    {
        var sensitive = new List<string>();
        var admin = await _host.ReadBootstrapAsync();
        sensitive.Add(admin.ClientSecret);
        var created = await _host.CreateAsync(new { clientId = "quiet", displayName = "q", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" } });
        var secret = created.GetProperty("clientSecret").GetString()!;
        using var rotated = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/quiet/credentials/rotate");
        var rotatedSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        using var keys = new ClientAssertions();
        (await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/quiet/credentials", new { jwk = keys.PublicJwk })).Dispose();
        sensitive.AddRange([secret, rotatedSecret]);

        var token = await _host.GetTokenAsync("quiet", secret);
        var assertion = keys.Create("quiet", TokenServiceTestHost.Issuer + "/connect/token");
        using var viaKey = await _host.Client.PostAsync("/connect/token", new FormUrlEncodedContent(ClientAssertions.Form(assertion)));
        using var replay = await _host.Client.PostAsync("/connect/token", new FormUrlEncodedContent(ClientAssertions.Form(assertion)));
        var keyToken = (await viaKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var exchanged = await _host.PostFormAsync("/connect/token", "quiet", rotatedSecret, new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = keyToken,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
        });
        var exchangedToken = (await exchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        (await _host.PostFormAsync("/connect/introspect", "quiet", secret, new() { ["token"] = token })).Dispose();
        (await _host.PostFormAsync("/connect/revoke", "quiet", secret, new() { ["token"] = token })).Dispose();
        var wrong = "nhi_sk_" + new string('a', 64) + "00000000";
        (await _host.RequestTokenAsync("quiet", wrong)).Dispose();
        (await _host.RequestTokenAsync("quiet", "password-like-guess")).Dispose();
        sensitive.AddRange([token, assertion, keyToken, exchangedToken, wrong, "password-like-guess"]);
        // Any single part of a JWT (payload or signature) must not appear either.
        sensitive.AddRange(new[] { token, assertion, keyToken, exchangedToken }.SelectMany(t => t.Split('.').Skip(1)));

        Assert.NotEmpty(_logs.Entries);
        Assert.Contains(_logs.Entries, e => e.Contains("TokenIssued", StringComparison.Ordinal) || e.Contains(" 2000 ", StringComparison.Ordinal));
        foreach (var entry in _logs.Entries)
        {
            foreach (var value in sensitive)
            {
                Assert.DoesNotContain(value, entry, StringComparison.Ordinal);
            }
        }
    }
}
