using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Client.Tokens;

/// <summary>
/// One client's DPoP key (EC P-256, generated in memory, never written anywhere) and its proofs (RFC 9449 §4.2), with the
/// last server nonce of each origin (§8, §9) so that a nonce is asked for once, not on every request.
/// </summary>
internal sealed class DPoPProofFactory(TimeProvider timeProvider) : IDisposable
{
    public const string ProofHeader = "DPoP";
    public const string NonceHeader = "DPoP-Nonce";
    public const string TokenType = "DPoP";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<string, string> _nonces = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, object>? _publicJwk;

    public string Create(HttpMethod method, Uri url, string? accessToken = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ["htm"] = method.Method,
            ["htu"] = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped),
            ["iat"] = timeProvider.GetUtcNow().ToUnixTimeSeconds(),
        };
        if (accessToken is not null)
        {
            claims["ath"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));
        }

        if (_nonces.TryGetValue(Origin(url), out var nonce))
        {
            claims["nonce"] = nonce;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "dpop+jwt",
            AdditionalHeaderClaims = new Dictionary<string, object> { ["jwk"] = PublicJwk() },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key), SecurityAlgorithms.EcdsaSha256),
            Claims = claims,
        });
    }

    /// <summary>Keeps the nonce a server sent (on an error or a success) for the next proof to that origin.</summary>
    public bool Remember(Uri url, string? nonce)
    {
        if (string.IsNullOrEmpty(nonce))
        {
            return false;
        }

        _nonces[Origin(url)] = nonce;
        return true;
    }

    public void Dispose() => _key.Dispose();

    private Dictionary<string, object> PublicJwk()
    {
        if (_publicJwk is { } jwk)
        {
            return jwk;
        }

        var q = _key.ExportParameters(false).Q;
        return _publicJwk = new Dictionary<string, object>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(q.X),
            ["y"] = Base64UrlEncoder.Encode(q.Y),
        };
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
