using Microsoft.IdentityModel.Tokens;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Signing;

/// <summary>An opened signing key: its stored record and the usable private key.</summary>
internal sealed record SigningKey(StoredSigningKey Stored, AsymmetricSecurityKey PrivateKey)
{
    public SigningCredentials Credentials { get; } = new(PrivateKey, Stored.Algorithm);

    /// <summary>The public half as a JWK (RFC 7517), for the JWKS document.</summary>
    public JsonWebKey ToPublicJsonWebKey()
    {
        var jwk = PrivateKey switch
        {
            RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.Rsa.ExportParameters(false))),
            ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(
                System.Security.Cryptography.ECDsa.Create(ec.ECDsa.ExportParameters(false)))),
            _ => throw new NotSupportedException($"Key type {PrivateKey.GetType().Name} is not supported."),
        };
        jwk.Kid = Stored.KeyId;
        jwk.Use = JsonWebKeyUseNames.Sig;
        jwk.Alg = Stored.Algorithm;
        return jwk;
    }
}
