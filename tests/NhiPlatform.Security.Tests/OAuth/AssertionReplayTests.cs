using System.Net;
using System.Security.Cryptography;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.Testing.Attacks;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>RFC 7523 §3 / OIDC Core §9: a private_key_jwt assertion is good for one token; a captured one replayed is invalid_client.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AssertionReplayTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Token_ReplayedAssertion_IsInvalidClient()
    {
        using var key = RSA.Create(2048);
        var (clientId, _) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var publicKey = key.ExportParameters(false);
        using var registered = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials",
            new { jwk = new { kty = "RSA", n = Jwt.Encode(publicKey.Modulus), e = Jwt.Encode(publicKey.Exponent) } });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var assertion = Jwt.Rs256(key, Jwt.Header("RS256", kid: null, typ: "JWT"), new Dictionary<string, object?>
        {
            ["iss"] = clientId, ["sub"] = clientId, ["aud"] = platform.Issuer + "/connect/token",
            ["jti"] = Guid.NewGuid().ToString("N"), ["iat"] = now, ["exp"] = now + 60,
        });
        platform.Sensitive.AddJwt(assertion, "client assertion");
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        };

        using var first = await platform.Client.PostFormAsync("/connect/token", form);
        using var replay = await platform.Client.PostFormAsync("/connect/token", form);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await OAuthAssert.ErrorAsync(replay, HttpStatusCode.Unauthorized, "invalid_client");
    }
}
