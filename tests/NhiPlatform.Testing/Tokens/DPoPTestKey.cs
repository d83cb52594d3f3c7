using System.Security.Cryptography;
using System.Text;
using NhiPlatform.Testing.Attacks;

namespace NhiPlatform.Testing.Tokens;

/// <summary>
/// A client's DPoP key (EC P-256) and hand-built proofs (RFC 9449 §4.2), so a test can bend any part of one: method,
/// URL, iat, ath, nonce, type, algorithm, or the key that signs against the key in the header.
/// </summary>
public sealed class DPoPTestKey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public DPoPTestKey()
    {
        var parameters = _key.ExportParameters(false);
        PublicJwk = new Dictionary<string, object?>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Jwt.Encode(parameters.Q.X),
            ["y"] = Jwt.Encode(parameters.Q.Y),
        };
        // RFC 7638 §3: the required members in lexicographic order, no whitespace.
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{PublicJwk["x"]}\",\"y\":\"{PublicJwk["y"]}\"}}";
        Thumbprint = Jwt.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public Dictionary<string, object?> PublicJwk { get; }

    /// <summary>The RFC 7638 thumbprint, the <c>cnf.jkt</c> a token bound to this key carries.</summary>
    public string Thumbprint { get; }

    public string Proof(
        string method, string url, string? accessToken = null, string? nonce = null, DateTimeOffset? issuedAt = null,
        string? tokenId = null, string type = "dpop+jwt", Dictionary<string, object?>? jwk = null, DPoPTestKey? signedBy = null)
    {
        var header = new Dictionary<string, object?> { ["typ"] = type, ["alg"] = "ES256", ["jwk"] = jwk ?? PublicJwk };
        var payload = new Dictionary<string, object?>
        {
            ["jti"] = tokenId ?? Guid.NewGuid().ToString("N"),
            ["htm"] = method,
            ["htu"] = url,
            ["iat"] = (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        };
        if (accessToken is not null)
        {
            payload["ath"] = Jwt.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));
        }

        if (nonce is not null)
        {
            payload["nonce"] = nonce;
        }

        return Jwt.Es256((signedBy ?? this)._key, header, payload);
    }

    public void Dispose() => _key.Dispose();
}
