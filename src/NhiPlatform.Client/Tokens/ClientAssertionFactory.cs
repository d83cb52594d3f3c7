using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Client.Tokens;

/// <summary>
/// Client assertions for <c>private_key_jwt</c> (RFC 7523 §3): <c>iss</c> = <c>sub</c> = client id, <c>aud</c> = the
/// token endpoint, a one-minute life and a fresh <c>jti</c> (the server rejects a replayed one).
/// </summary>
internal sealed class ClientAssertionFactory(string clientId, SigningCredentials credentials, TimeProvider timeProvider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(Uri tokenEndpoint)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint.ToString(),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId,
                ["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            },
        });
    }

    public static SigningCredentials CredentialsFrom(NhiAccessTokenOptions options)
    {
        var key = options.PrivateKey
            ?? (options.Certificate is { } certificate ? new X509SecurityKey(certificate, options.KeyId) : null)
            ?? FromPem(options.PrivateKeyFile!, options.KeyId);
        var algorithm = key switch
        {
            ECDsaSecurityKey => SecurityAlgorithms.EcdsaSha256,
            JsonWebKey { Kty: JsonWebAlgorithmsKeyTypes.EllipticCurve } => SecurityAlgorithms.EcdsaSha256,
            X509SecurityKey x509 when x509.Certificate.GetECDsaPublicKey() is not null => SecurityAlgorithms.EcdsaSha256,
            _ => SecurityAlgorithms.RsaSha256,
        };
        return new SigningCredentials(key, algorithm);
    }

    /// <summary>An EC or RSA private key from PEM (PKCS#8, SEC1 or PKCS#1).</summary>
    private static SecurityKey FromPem(string path, string? keyId)
    {
        var pem = File.ReadAllText(path);
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            ecdsa.Dispose();
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }
}
