using System.Text.Json;
using System.Text.RegularExpressions;
using NhiPlatform.TokenService.Credentials;

namespace NhiPlatform.TokenService.Federation;

/// <summary>
/// Checks a requested federated credential (Entra's limits where they exist): a name, an https issuer, an exact
/// subject, a few audiences, a few exact-value claims that are not the registered claims we check ourselves, and an
/// optional pinned JWKS of public signing keys. Each problem is reported against its member.
/// </summary>
internal static partial class FederatedCredentialRules
{
    public const int MaxPerIdentity = 20;
    public const int MaxValueLength = 600;
    public const int MaxAudiences = 5;
    public const int MaxClaims = 10;

    private static readonly HashSet<string> RegisteredClaims = new(["iss", "sub", "aud", "exp", "nbf", "iat", "jti"], StringComparer.Ordinal);

    public static (FederatedCredentialDraft? Draft, Dictionary<string, string[]> Errors) Check(
        string? name, string? issuer, string? subject, IReadOnlyList<string>? audiences, IReadOnlyDictionary<string, string>? claims,
        string? description, JsonElement? jwks, IReadOnlyList<string> defaultAudiences, bool allowLoopbackHttp)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (name is null || !NamePattern().IsMatch(name))
        {
            errors["name"] = ["Required: 3 to 120 letters, digits, '-' or '_', starting with a letter or digit."];
        }

        if (!FederatedIssuer.IsAllowed(issuer, allowLoopbackHttp))
        {
            errors["issuer"] = [allowLoopbackHttp
                ? "Required: an https URL (or http on a loopback address), without query or fragment."
                : "Required: an https URL without query or fragment."];
        }

        if (!IsValue(subject))
        {
            errors["subject"] = [$"Required: the exact subject, 1 to {MaxValueLength} characters without control characters."];
        }

        if (audiences is not null && (audiences.Count is 0 or > MaxAudiences || !audiences.All(IsValue)))
        {
            errors["audiences"] = [$"1 to {MaxAudiences} values of 1 to {MaxValueLength} characters; omit for the default."];
        }

        if (claims is not null && (claims.Count > MaxClaims || !claims.All(c => IsValue(c.Key) && c.Key.Length <= 100 && IsValue(c.Value))))
        {
            errors["claims"] = [$"At most {MaxClaims} claims, each name and value non-empty and at most {MaxValueLength} characters."];
        }
        else if (claims?.Keys.FirstOrDefault(RegisteredClaims.Contains) is { } registered)
        {
            errors["claims"] = [$"'{registered}' is checked by the credential itself (issuer, subject, audiences, lifetime); it cannot be a required claim."];
        }

        if (description is not null && description.Length > MaxValueLength)
        {
            errors["description"] = [$"At most {MaxValueLength} characters."];
        }

        string? pinned = null;
        if (jwks is { ValueKind: not JsonValueKind.Null } set && PinnedJwks(set, errors) is { } normalised)
        {
            pinned = normalised;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var accepted = audiences is null ? defaultAudiences : audiences.Distinct(StringComparer.Ordinal).ToList();
        return (new FederatedCredentialDraft(name!, issuer!, subject!, accepted, claims ?? new Dictionary<string, string>(), description, pinned), errors);
    }

    /// <summary>The set's keys, each through the private_key_jwt key checks (public members only), stored normalised.</summary>
    private static string? PinnedJwks(JsonElement set, Dictionary<string, string[]> errors)
    {
        if (set.ValueKind != JsonValueKind.Object || !set.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array
            || keys.GetArrayLength() is 0 or > JwksReader.MaxKeys)
        {
            errors["jwks"] = [$"A JWKS: an object whose 'keys' holds 1 to {JwksReader.MaxKeys} public keys."];
            return null;
        }

        var normalised = new List<JsonElement>();
        foreach (var key in keys.EnumerateArray())
        {
            var parsed = PublicJwkParser.Parse(key);
            if (parsed.Key is null)
            {
                // The key checks name members "jwk.<member>"; here the key sits in "jwks".
                errors["jwks" + parsed.Member!["jwk".Length..]] = [parsed.Error!];
                return null;
            }

            normalised.Add(JsonDocument.Parse(PublicJwkParser.ToPublicJson(parsed.Key)).RootElement.Clone());
        }

        return JsonSerializer.Serialize(new Dictionary<string, List<JsonElement>> { ["keys"] = normalised });
    }

    private static bool IsValue(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxValueLength && !value.Any(char.IsControl);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$")]
    private static partial Regex NamePattern();
}
