using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.IntegrationTests.Protocol;

/// <summary>An RSA key pair a test client signs RFC 7523 assertions with.</summary>
internal sealed class ClientAssertions : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public object PublicJwk
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)));
            return new { kty = "RSA", n = jwk.N, e = jwk.E };
        }
    }

    public SecurityKey SigningKey => new RsaSecurityKey(_rsa);

    public string Create(string clientId, string audience, TimeSpan? lifetime = null, string? issuer = null, string? tokenId = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? clientId,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(1)),
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = tokenId ?? Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public static Dictionary<string, string> Form(string assertion, Dictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        };
        foreach (var (key, value) in extra ?? [])
        {
            form[key] = value;
        }

        return form;
    }

    public void Dispose() => _rsa.Dispose();
}
