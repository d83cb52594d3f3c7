using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.Testing.Attacks;

namespace NhiPlatform.Security.Tests.Attacks;

/// <summary>
/// The shared JWT attack corpus against the whole platform: the gateway trusts only the token service's published keys,
/// and the corpus forges with the token service's own signing key (an insider's view: every case is valid but for one
/// bent part). Each is refused with an RFC 6750 answer, never a 5xx, and the echo service never sees it.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class FullPlatformAttackCorpusTests(SecurityPlatform platform)
{
    public static TheoryData<string> Cases => [.. JwtAttackCorpus.Cases.Select(c => c.Name)];

    private async Task<AttackTarget> TargetAsync()
    {
        var current = await platform.SigningKeyAsync();
        var rsa = Assert.IsType<RsaSecurityKey>(current.PrivateKey).Rsa ?? RSA.Create(((RsaSecurityKey)current.PrivateKey).Parameters);
        return new AttackTarget(platform.Issuer, NhiAudiences.Gateway, NhiScopes.EchoRead, current.Stored.KeyId, rsa);
    }

    [Fact]
    public async Task Control_TokenForgedWithTheSigningKey_IsForwarded()
    {
        using var response = await platform.Client.GetWithBearerAsync("/svc/echo/security-corpus-control", (await TargetAsync()).Valid());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await platform.EchoRequests.CountAsync("/security-corpus-control"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Attack_IsRefusedWithRfc6750Error_AndNothingReachesTheService(string name)
    {
        var attack = JwtAttackCorpus.Find(name);
        var token = attack.Forge(await TargetAsync());
        platform.Sensitive.AddJwt(token, $"forged token ({name})");

        using var response = await platform.Client.GetWithBearerAsync($"/svc/echo/security-corpus-{name}", token);

        Assert.Equal((HttpStatusCode)attack.Status, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"error=\"{attack.Error}\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(attack.Error, body.GetProperty("error").GetString());
        Assert.Equal(0, await platform.EchoRequests.CountAsync($"/security-corpus-{name}"));
    }
}
