using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Signing;

/// <summary>Creates signing keys and opens stored ones; private keys leave memory only encrypted by Data Protection.</summary>
internal sealed class SigningKeyFactory(IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NhiPlatform.TokenService.SigningKeys");

    public StoredSigningKey CreateRsa()
    {
        using var rsa = RSA.Create(2048);
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
        // The key id is the RFC 7638 thumbprint: stable, unique, and derived from the public key alone.
        var keyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey).ComputeJwkThumbprint());
        return new StoredSigningKey
        {
            KeyId = keyId,
            Algorithm = SecurityAlgorithms.RsaSha256,
            ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = timeProvider.GetUtcNow(),
        };
    }

    public SigningKey Open(StoredSigningKey stored)
    {
        var pkcs8 = _protector.Unprotect(Convert.FromBase64String(stored.ProtectedPrivateKey));
        try
        {
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
