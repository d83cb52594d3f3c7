using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class CredentialsApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> CreateAsync(string clientId) =>
        (await _host.CreateAsync(new { clientId, displayName = "c", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" } }))
            .GetProperty("clientSecret").GetString()!;

    private async Task<JsonElement> PostAsync(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _host.AdminAsync(HttpMethod.Post, path, body);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Rotate_OldAndNewBothWorkDuringGrace_ThenOnlyNew()
    {
        var old = await CreateAsync("rotate-overlap");

        var rotated = await PostAsync("/api/admin/identities/rotate-overlap/credentials/rotate");
        var fresh = rotated.GetProperty("clientSecret").GetString()!;

        Assert.StartsWith("nhi_sk_", fresh, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("rotate-overlap", old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("rotate-overlap", fresh)).StatusCode);
        using var list = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities/rotate-overlap/credentials");
        var text = await list.Content.ReadAsStringAsync();
        var credentials = JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, credentials.Length);
        var oldExpiry = credentials[0].GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(oldExpiry - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24.1));
        Assert.DoesNotContain(old, text, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, text, StringComparison.Ordinal);

        // A rotation with no grace ends the overlap at once: only the newest secret works.
        var newest = (await PostAsync("/api/admin/identities/rotate-overlap/credentials/rotate", new { graceSeconds = 0 }))
            .GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.RequestTokenAsync("rotate-overlap", old)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.RequestTokenAsync("rotate-overlap", fresh)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("rotate-overlap", newest)).StatusCode);
    }

    [Fact]
    public async Task Rotate_ManyTimesWithinGrace_KeepsAFewSupersededSecretsNotOnePerRotation()
    {
        List<string> issued = [await CreateAsync("rotate-capped")];
        for (var i = 0; i < 5; i++)
        {
            issued.Add((await PostAsync("/api/admin/identities/rotate-capped/credentials/rotate")).GetProperty("clientSecret").GetString()!);
        }

        var working = new List<string>();
        foreach (var secret in issued)
        {
            if ((await _host.RequestTokenAsync("rotate-capped", secret)).StatusCode == HttpStatusCode.OK)
            {
                working.Add(secret);
            }
        }

        // The newest and at most two it superseded; the oldest ended when they fell out of the cap.
        Assert.Equal(issued.TakeLast(3), working);
    }

    [Fact]
    public async Task Add_SecondSecret_BothWork()
    {
        var first = await CreateAsync("two-secrets");

        var second = (await PostAsync("/api/admin/identities/two-secrets/credentials")).GetProperty("clientSecret").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("two-secrets", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("two-secrets", second)).StatusCode);
    }

    [Fact]
    public async Task Revoke_StopsTheSecret_PublishesCutOff_AndIsNotRepeatable()
    {
        var secret = await CreateAsync("revoke-secret");
        var other = (await PostAsync("/api/admin/identities/revoke-secret/credentials")).GetProperty("credentialId").GetString()!;
        using var list = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities/revoke-secret/credentials");
        var first = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().First(c => c.GetProperty("credentialId").GetString() != other)
            .GetProperty("credentialId").GetString();

        await PostAsync($"/api/admin/identities/revoke-secret/credentials/{first}/revoke", new { reason = "leaked" });
        await PostAsync($"/api/admin/identities/revoke-secret/credentials/{first}/revoke", expected: HttpStatusCode.Conflict);
        await PostAsync($"/api/admin/identities/revoke-secret/credentials/{Guid.NewGuid()}/revoke", expected: HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.RequestTokenAsync("revoke-secret", secret)).StatusCode);
        await Eventually.ValueAsync(() => _host.Redis.HashGetAsync(NhiRevocation.IdentityCutoffsKey, "revoke-secret"));
    }

    [Fact]
    public async Task Credentials_OfUnknownIdentity_Are404()
    {
        using var list = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities/nobody/credentials");
        using var rotate = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/nobody/credentials/rotate");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
    }

    [Fact]
    public async Task AddPublicKey_PublicOnly_IsListedByThumbprint_PrivateIsRefused()
    {
        await CreateAsync("key-holder");
        using var rsa = RSA.Create(2048);
        var publicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        var privateJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(true)));

        var added = await PostAsync("/api/admin/identities/key-holder/credentials",
            new { jwk = new { kty = "RSA", n = publicJwk.N, e = publicJwk.E } });
        var refused = await PostAsync("/api/admin/identities/key-holder/credentials",
            new { jwk = new { kty = "RSA", n = privateJwk.N, e = privateJwk.E, d = privateJwk.D } }, HttpStatusCode.BadRequest);

        Assert.False(added.TryGetProperty("clientSecret", out var secret) && secret.ValueKind == JsonValueKind.String);
        Assert.True(refused.GetProperty("errors").TryGetProperty("jwk.d", out _));
        using var list = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities/key-holder/credentials");
        var key = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "public_key");
        Assert.Equal(Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint()), key.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task AddPublicKey_UnknownOrOversizedMembers_AreValidationProblemsNamingTheMember_NothingStored()
    {
        await CreateAsync("key-strict");
        using var rsa = RSA.Create(2048);
        using var huge = RSA.Create(8192);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
        var hugeJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(huge.ExportParameters(false)));
        var cases = new (object Jwk, string Member)[]
        {
            (new { kty = "RSA", n = jwk.N, e = jwk.E, note = new string('x', 50_000) }, "jwk.note"),
            (new { kty = "RSA", n = jwk.N, e = jwk.E, x5c = new[] { "MIIB" } }, "jwk.x5c"),
            (new { kty = "RSA", n = jwk.N, e = jwk.E, kid = new string('k', 10_000) }, "jwk.kid"),
            (new { kty = "RSA", n = hugeJwk.N, e = hugeJwk.E }, "jwk.n"),
            (new { kty = "RSA", n = jwk.N, e = jwk.E, use = "enc" }, "jwk.use"),
        };

        foreach (var (body, member) in cases)
        {
            var refused = await PostAsync("/api/admin/identities/key-strict/credentials", new { jwk = body }, HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty(member, out _), $"{member}: {refused}");
        }

        using var list = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities/key-strict/credentials");
        Assert.DoesNotContain((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), c => c.GetProperty("kind").GetString() == "public_key");
    }

    [Fact]
    public async Task AddPublicKey_BeyondTheUsableKeyCap_IsValidationProblem_UntilOneIsRevoked()
    {
        await CreateAsync("key-cap");
        var added = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            added.Add((await PostAsync("/api/admin/identities/key-cap/credentials", new { jwk = EcJwk() })).GetProperty("credentialId").GetGuid());
        }

        var refused = await PostAsync("/api/admin/identities/key-cap/credentials", new { jwk = EcJwk() }, HttpStatusCode.BadRequest);
        await PostAsync($"/api/admin/identities/key-cap/credentials/{added[0]}/revoke");
        await PostAsync("/api/admin/identities/key-cap/credentials", new { jwk = EcJwk() });

        Assert.True(refused.GetProperty("errors").TryGetProperty("jwk", out _), refused.ToString());
    }

    private static object EcJwk()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))));
        return new { kty = "EC", crv = "P-256", x = jwk.X, y = jwk.Y };
    }
}
