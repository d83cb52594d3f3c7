using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Signing;

/// <summary>Creates signing keys (RS256 or ES256) and opens stored ones; private keys leave memory only encrypted by Data Protection.</summary>
internal sealed class SigningKeyFactory(IDataProtectionProvider dataProtection, IOptions<SigningOptions> options, TimeProvider timeProvider)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NhiPlatform.TokenService.SigningKeys");

    /// <summary>A new key of the configured algorithm, signing from <paramref name="activatesAt"/> (now when null).</summary>
    public StoredSigningKey Create(DateTimeOffset? activatesAt = null)
    {
        var now = timeProvider.GetUtcNow();
        byte[] pkcs8;
        JsonWebKey publicJwk;
        string algorithm;
        if (options.Value.Algorithm == SecurityAlgorithms.EcdsaSha256)
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            pkcs8 = ec.ExportPkcs8PrivateKey();
            publicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))));
            algorithm = SecurityAlgorithms.EcdsaSha256;
        }
        else
        {
            using var rsa = RSA.Create(2048);
            pkcs8 = rsa.ExportPkcs8PrivateKey();
            publicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));
            algorithm = SecurityAlgorithms.RsaSha256;
        }

        try
        {
            // The key id is the RFC 7638 thumbprint: stable, unique, and derived from the public key alone.
            return new StoredSigningKey
            {
                KeyId = Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint()),
                Algorithm = algorithm,
                ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(pkcs8)),
                CreatedAt = now,
                ActivatesAt = activatesAt ?? now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public SigningKey Open(StoredSigningKey stored)
    {
        var pkcs8 = _protector.Unprotect(Convert.FromBase64String(stored.ProtectedPrivateKey));
        try
        {
            if (stored.Algorithm == SecurityAlgorithms.EcdsaSha256)
            {
                var ec = ECDsa.Create();
                ec.ImportPkcs8PrivateKey(pkcs8, out _);
                return new SigningKey(stored, new ECDsaSecurityKey(ec) { KeyId = stored.KeyId });
            }

            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return new SigningKey(stored, new RsaSecurityKey(rsa) { KeyId = stored.KeyId });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
