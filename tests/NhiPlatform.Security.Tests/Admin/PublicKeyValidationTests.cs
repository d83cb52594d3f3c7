using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Admin;

/// <summary>
/// A registered public key is checked member by member: private, unknown or oversized members and keys of unsupported
/// sizes are 400s naming the member, and nothing is stored; a supported key is stored and signs assertions.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class PublicKeyValidationTests(SecurityPlatform platform)
{
    [Fact]
    public async Task AddPublicKey_PrivateUnknownOrOversizedMembers_Are400NamingTheMember_AndNothingIsStored()
    {
        var (clientId, _) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        using var rsa = RSA.Create(2048);
        using var huge = RSA.Create(8192);
        var key = rsa.ExportParameters(true);
        var (n, e) = (Encode(key.Modulus!), Encode(key.Exponent!));
        var cases = new (object Jwk, string Member)[]
        {
            (new { kty = "RSA", n, e, d = Encode(key.D!) }, "jwk.d"),
            (new { kty = "RSA", n, e, qi = Encode(key.InverseQ!) }, "jwk.qi"),
            (new { kty = "RSA", n, e, padding = new string('A', 200_000) }, "jwk.padding"),
            (new { kty = "RSA", n, e, kid = new string('k', 5_000) }, "jwk.kid"),
            (new { kty = "RSA", n = Encode(huge.ExportParameters(false).Modulus!), e }, "jwk.n"),
            (new { kty = "oct", k = "c2VjcmV0" }, "jwk.k"),
        };

        foreach (var (jwk, member) in cases)
        {
            using var response = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials", new { jwk });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{member}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(member, out _), $"{member}: {body}");
        }

        using var list = await platform.Client.AdminAsync(HttpMethod.Get, $"/api/admin/identities/{clientId}/credentials");
        var credentials = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        Assert.DoesNotContain(credentials.EnumerateArray(), c => c.GetProperty("kind").GetString() == "public_key");
    }

    [Fact]
    public async Task AddPublicKey_EcP384_IsStoredAndSignsAnAssertion()
    {
        var (clientId, _) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var point = ec.ExportParameters(false).Q;
        using var added = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials",
            new { jwk = new { kty = "EC", crv = "P-384", x = Encode(point.X!), y = Encode(point.Y!), use = "sig", kid = "p384-1" } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = await TokenEndpointAsync(),
            Expires = DateTime.UtcNow.AddMinutes(1),
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(ec) { KeyId = "p384-1" }, SecurityAlgorithms.EcdsaSha384),
        });
        using var token = await platform.Client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
            ["scope"] = NhiScopes.EchoRead,
        });

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    private async Task<string> TokenEndpointAsync()
    {
        using var response = await platform.Client.Http.GetAsync("/.well-known/openid-configuration");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token_endpoint").GetString()!;
    }

    private static string Encode(byte[] value) => Base64Url.EncodeToString(value);
}
