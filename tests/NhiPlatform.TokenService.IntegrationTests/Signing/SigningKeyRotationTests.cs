using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Testing;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.TokenService.IntegrationTests.Signing;

/// <summary>Rotation without a failed call, emergency revocation; time moved by a <see cref="FakeTimeProvider"/>.</summary>
[Collection(ServersCollection.Name)]
public sealed class SigningKeyRotationTests(LocalServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers,
        configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string[]> JwksKidsAsync(TokenServiceTestHost? host = null) =>
        [.. new JsonWebKeySet(await (host ?? _host).Client.GetStringAsync("/.well-known/jwks.json")).Keys.Select(k => k.Kid)];

    private async Task<bool> ValidatesAsync(string token, TokenServiceTestHost? host = null)
    {
        var parameters = AccessTokenValidationParameters.Create(TokenServiceTestHost.Issuer, "nhi-gateway");
        parameters.IssuerSigningKeys = new JsonWebKeySet(await (host ?? _host).Client.GetStringAsync("/.well-known/jwks.json")).GetSigningKeys();
        parameters.LifetimeValidator = (_, expires, _, _) => expires > _time.GetUtcNow().UtcDateTime;
        return (await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).IsValid;
    }

    [Fact]
    public async Task Rotate_PublishesFirst_SignsAfterLeadTime_KeepsOldUntilItsTokensExpired()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var before = await _host.GetTokenAsync(clientId, secret);
        var oldKid = new JsonWebToken(before).Kid;

        using var rotate = await _host.AdminAsync(HttpMethod.Post, "/api/admin/signing-keys/rotate");
        var newKid = (await rotate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kid").GetString()!;

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        Assert.Equal([newKid, oldKid], await JwksKidsAsync());
        Assert.Equal(oldKid, new JsonWebToken(await _host.GetTokenAsync(clientId, secret)).Kid);

        _time.Advance(TimeSpan.FromMinutes(11));
        var after = await _host.GetTokenAsync(clientId, secret);
        Assert.Equal(newKid, new JsonWebToken(after).Kid);
        Assert.Contains(oldKid, await JwksKidsAsync());
        Assert.True(await ValidatesAsync(after));

        // The admin token was issued before the clock moved (the bearer handler checks it against the real clock).
        using var list = await _host.AdminAsync(HttpMethod.Get, "/api/admin/signing-keys");
        var statuses = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(k => k.GetProperty("status").GetString()!).ToArray();
        Assert.Equal(["signing", "retired"], statuses);

        _time.Advance(TimeSpan.FromMinutes(71));
        Assert.Equal([newKid], await JwksKidsAsync());
    }

    [Fact]
    public async Task TokenSignedBeforeRotation_StillValidatesUntilItExpires()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var before = await _host.GetTokenAsync(clientId, secret);

        (await _host.AdminAsync(HttpMethod.Post, "/api/admin/signing-keys/rotate", new { immediate = true })).Dispose();
        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.True(await ValidatesAsync(before));
        Assert.NotEqual(new JsonWebToken(before).Kid, new JsonWebToken(await _host.GetTokenAsync(clientId, secret)).Kid);
    }

    [Fact]
    public async Task Revoke_SigningKey_LeavesJwksAtOnce_AndANewKeySigns()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var before = await _host.GetTokenAsync(clientId, secret);
        var kid = new JsonWebToken(before).Kid;

        using var revoked = await _host.AdminAsync(HttpMethod.Post, $"/api/admin/signing-keys/{kid}/revoke", new { reason = "key leaked" });
        _host.ForgetAdminToken();
        using var unknown = await _host.AdminAsync(HttpMethod.Post, "/api/admin/signing-keys/no-such-kid/revoke");

        // The admin token used for the revocation was signed by the revoked key: it stopped working too.
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(kid, await JwksKidsAsync());
        Assert.False(await ValidatesAsync(before));
        var after = await _host.GetTokenAsync(clientId, secret);
        Assert.NotEqual(kid, new JsonWebToken(after).Kid);
        Assert.True(await ValidatesAsync(after));
        using var audit = await _host.AdminAsync(HttpMethod.Get, $"/api/admin/audit?target={kid}");
        Assert.Equal("signing_key_revoked", (await audit.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Rotate_OnOneReplica_IsPublishedByTheOther()
    {
        await using var replica = await TokenServiceTestHost.StartAsync(servers, _host.Environment, _host.StateDirectory);

        using var rotate = await _host.AdminAsync(HttpMethod.Post, "/api/admin/signing-keys/rotate");
        var newKid = (await rotate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kid").GetString()!;

        await Eventually.TrueAsync(() => JwksKidsAsync(replica), kids => kids.Contains(newKid));
    }

    [Fact]
    public async Task ScheduledRotation_AfterTheInterval_PublishesANewKey()
    {
        var before = await JwksKidsAsync();

        _time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        var after = await Eventually.TrueAsync(() => JwksKidsAsync(), kids => kids.Length == before.Length + 1);
        Assert.Contains(before[0], after);
    }
}
