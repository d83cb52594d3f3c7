using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// The stateless checks of a DPoP proof, in the order of RFC 9449 §4.3: one well-formed JWS of type <c>dpop+jwt</c>, an
/// asymmetric algorithm, signed by the public <c>jwk</c> in its header, <c>htm</c>, <c>htu</c>, <c>iat</c> in the window,
/// <c>ath</c> and the key thumbprint (RFC 7638) matching the token's <c>cnf.jkt</c>. Replay and nonces are the caller's
/// (<see cref="DPoPProofVerifier"/>). JOSE through Microsoft.IdentityModel, never by hand.
/// </summary>
public sealed class DPoPProofValidator(IOptions<DPoPOptions> options, TimeProvider timeProvider)
{
    /// <summary>Longer proofs are refused unread: an RSA-4096 proof is well under 2 KiB.</summary>
    public const int MaximumProofLength = 8 * 1024;
    private const int MaximumTokenIdLength = 256;
    private const int MinimumRsaKeyBits = 2048;
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly DPoPKeyCache _keys = new();

    public async Task<DPoPProofResult> ValidateAsync(string? proof, DPoPProofRequest request)
    {
        // §4.3 items 1-2: exactly one proof (the caller counts headers), a JWT.
        if (string.IsNullOrEmpty(proof) || proof.Length > MaximumProofLength || !_handler.CanReadToken(proof))
        {
            return DPoPProofResult.Invalid("The DPoP proof is missing or malformed.");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(proof);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenException or JsonException)
        {
            return DPoPProofResult.Invalid("The DPoP proof is malformed.");
        }

        // Items 4-7: typ, an asymmetric algorithm we accept, a public key in the header.
        if (!string.Equals(unverified.Typ, DPoPConstants.ProofType, StringComparison.OrdinalIgnoreCase)
            || !DPoPConstants.Algorithms.Contains(unverified.Alg, StringComparer.Ordinal))
        {
            return DPoPProofResult.Invalid("The DPoP proof must be of type dpop+jwt, signed with " + DPoPConstants.AlgorithmsParameter + ".");
        }

        if (!unverified.TryGetHeaderValue<JsonElement>("jwk", out var jwk) || jwk.ValueKind != JsonValueKind.Object)
        {
            return DPoPProofResult.Invalid("The DPoP proof needs its public key as jwk.");
        }

        var jwkText = jwk.GetRawText();
        var cached = _keys.TryGet(jwkText, out var key, out var thumbprint);
        if (!cached && ReadPublicKey(jwk) is { } read)
        {
            (key, thumbprint) = (read, Base64UrlEncoder.Encode(read.ComputeJwkThumbprint()));
        }
        else if (!cached)
        {
            return DPoPProofResult.Invalid("The DPoP proof's jwk must be a public RSA (2048 bits or more) or EC key.");
        }

        // Item 6: the signature, by the key the proof carries (the one the token is bound to).
        var validation = await _handler.ValidateTokenAsync(unverified, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidTypes = [DPoPConstants.ProofType],
            ValidAlgorithms = DPoPConstants.Algorithms,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            // The proof names no kid; the one key it may be checked with is its own jwk, the only key given here.
            TryAllIssuerSigningKeys = true,
        });
        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken token)
        {
            return DPoPProofResult.Invalid("The DPoP proof's signature does not verify with its jwk.");
        }

        if (!cached)
        {
            _keys.Add(jwkText, key, thumbprint);
        }

        return CheckClaims(token, thumbprint, request);
    }

    private DPoPProofResult CheckClaims(JsonWebToken token, string thumbprint, DPoPProofRequest request)
    {
        if (!token.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti) || jti.Length > MaximumTokenIdLength)
        {
            return DPoPProofResult.Invalid("The DPoP proof needs a jti.");
        }

        // Items 8-9: method and URL of this request; the URL compared without query and fragment (§4.3, RFC 3986 §6.2.1).
        if (!token.TryGetPayloadValue<string>("htm", out var htm) || !string.Equals(htm, request.Method, StringComparison.Ordinal))
        {
            return DPoPProofResult.Invalid("The DPoP proof's htm does not match the request method.");
        }

        if (!token.TryGetPayloadValue<string>("htu", out var htu) || Normalize(htu) is not { } url
            || !request.Urls.Any(expected => string.Equals(Normalize(expected), url, StringComparison.Ordinal)))
        {
            return DPoPProofResult.Invalid("The DPoP proof's htu does not match the request URL.");
        }

        // Item 11: a window around iat rather than exp (the proof carries none).
        if (!token.TryGetPayloadValue<long>("iat", out var iatSeconds))
        {
            return DPoPProofResult.Invalid("The DPoP proof needs an iat.");
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(iatSeconds, 0, 253402300799));
        var now = timeProvider.GetUtcNow();
        if (issuedAt > now + options.Value.ClockSkew || issuedAt < now - options.Value.MaxAge)
        {
            return DPoPProofResult.Invalid("The DPoP proof's iat is outside the accepted window.");
        }

        // Item 10 (ath) and 12 (the key the token is bound to).
        if (request.AccessToken is not null
            && (!token.TryGetPayloadValue<string>("ath", out var ath) || !FixedEquals(ath, AccessTokenHash(request.AccessToken))))
        {
            return DPoPProofResult.Invalid("The DPoP proof's ath does not match the access token.");
        }

        if (request.Thumbprint is not null && !FixedEquals(thumbprint, request.Thumbprint))
        {
            return DPoPProofResult.Invalid("The DPoP proof's key is not the key the access token is bound to.");
        }

        var nonce = token.TryGetPayloadValue<string>("nonce", out var n) && !string.IsNullOrEmpty(n) ? n : null;
        return new DPoPProofResult { Proof = new DPoPProof(thumbprint, jti, issuedAt, nonce) };
    }

    /// <summary>RFC 9449 §4.2 <c>ath</c>: base64url of the SHA-256 of the token's ASCII.</summary>
    public static string AccessTokenHash(string accessToken) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken)));

    private static JsonWebKey? ReadPublicKey(JsonElement jwk)
    {
        if (PrivateMembers.Any(member => jwk.TryGetProperty(member, out _)))
        {
            return null;
        }

        try
        {
            var key = new JsonWebKey(jwk.GetRawText());
            return key.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.EllipticCurve when key.Crv is "P-256" or "P-384" or "P-521" && key.X is not null && key.Y is not null => key,
                JsonWebAlgorithmsKeyTypes.RSA when key.N is not null && key.E is not null
                    && Base64UrlEncoder.DecodeBytes(key.N).Length * 8 >= MinimumRsaKeyBits => key,
                _ => null,
            };
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException or FormatException)
        {
            // A jwk that cannot be read is no key: refused as invalid, never a server error.
            return null;
        }
    }

    /// <summary>Scheme and host lower-cased, default port dropped, no query or fragment; null when not an absolute http(s) URL.</summary>
    private static string? Normalize(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
