using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>
/// Accepts a client's public key (RFC 7517) for private_key_jwt: RSA of 2048 to 4096 bits or EC on P-256, P-384 or
/// P-521, public members only, each a bounded string. Anything else (private or unknown members, other key types, odd
/// sizes, a point off its curve) is refused naming the member; only the normalised public members are stored.
/// </summary>
internal static class PublicJwkParser
{
    public const int MaxKeyIdLength = 128;

    /// <summary>Longer than any supported member (a 4096-bit modulus is 683 characters): refused before decoding.</summary>
    private const int MaxMemberLength = 700;

    private static readonly HashSet<string> PrivateMembers = new(["d", "p", "q", "dp", "dq", "qi", "oth", "k"], StringComparer.Ordinal);
    private static readonly HashSet<string> CommonMembers = new(["kty", "kid", "use", "alg"], StringComparer.Ordinal);
    private static readonly HashSet<string> RsaMembers = new(["n", "e"], StringComparer.Ordinal);
    private static readonly HashSet<string> EcMembers = new(["crv", "x", "y"], StringComparer.Ordinal);

    public static PublicJwkResult Parse(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            return PublicJwkResult.Fail("jwk", "The key must be a JWK object.");
        }

        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var member in jwk.EnumerateObject())
            {
                if (ReadMember(member, members) is { } failure)
                {
                    return failure;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // JSON escapes can spell a lone surrogate, which no .NET string may hold: the reader refuses to give it.
            return PublicJwkResult.Fail("jwk", "A member name or value is not valid text.");
        }

        var kty = members.GetValueOrDefault("kty");
        var typeMembers = kty switch
        {
            JsonWebAlgorithmsKeyTypes.RSA => RsaMembers,
            JsonWebAlgorithmsKeyTypes.EllipticCurve => EcMembers,
            _ => null,
        };
        if (typeMembers is null)
        {
            return PublicJwkResult.Fail("jwk.kty", "RSA or EC.");
        }

        if (members.Keys.FirstOrDefault(m => !CommonMembers.Contains(m) && !typeMembers.Contains(m)) is { } foreign)
        {
            return PublicJwkResult.Fail(Name(foreign), $"Not a member of a public {kty} key.");
        }

        if (members.TryGetValue("use", out var use) && use != "sig")
        {
            return PublicJwkResult.Fail("jwk.use", "sig, or leave it out.");
        }

        if (members.TryGetValue("kid", out var kid) && (kid.Length is 0 or > MaxKeyIdLength || kid.Any(c => c is < '!' or > '~')))
        {
            return PublicJwkResult.Fail("jwk.kid", $"1 to {MaxKeyIdLength} printable ASCII characters, or leave it out.");
        }

        var (key, failed) = kty == JsonWebAlgorithmsKeyTypes.RSA ? PublicRsaKey.Read(members) : PublicEcKey.Read(members);
        if (key is null)
        {
            return failed!;
        }

        key.Use = use;
        key.Kid = kid ?? Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return PublicJwkResult.Ok(key);
    }

    /// <summary>The JWK's public members as JSON, for storage.</summary>
    public static string ToPublicJson(JsonWebKey key) =>
        Signing.JwksWriter.WriteKey(key).ToJsonString();

    /// <summary>Base64url (RFC 7515 §2, no padding) of a bounded length, decoded; null when it is not.</summary>
    public static byte[]? Base64Url(string value)
    {
        if (value.Length is 0 or > MaxMemberLength || value.Length % 4 == 1 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        return Base64UrlEncoder.DecodeBytes(value);
    }

    private static PublicJwkResult? ReadMember(JsonProperty member, Dictionary<string, string> members)
    {
        var name = Name(member.Name);
        if (PrivateMembers.Contains(member.Name))
        {
            return PublicJwkResult.Fail(name, "Private key material: register the public key only.");
        }

        if (!CommonMembers.Contains(member.Name) && !RsaMembers.Contains(member.Name) && !EcMembers.Contains(member.Name))
        {
            return PublicJwkResult.Fail(name, "Not a member of a public RSA or EC key (kty, kid, use, alg; n, e; crv, x, y).");
        }

        if (member.Value.ValueKind != JsonValueKind.String)
        {
            return PublicJwkResult.Fail(name, "A string.");
        }

        var value = member.Value.GetString()!;
        if (value.Length > MaxMemberLength)
        {
            return PublicJwkResult.Fail(name, $"At most {MaxMemberLength} characters.");
        }

        return members.TryAdd(member.Name, value) ? null : PublicJwkResult.Fail(name, "Given more than once.");
    }

    /// <summary>The member as named in an error: cut, so a huge name is not echoed whole.</summary>
    private static string Name(string member) => "jwk." + EchoedText.Cut(member);
}
