using System.Text.RegularExpressions;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Identities;

/// <summary>The rules every identity state must satisfy, on creation and after each update; errors by field.</summary>
internal static partial class IdentityRules
{
    public static Dictionary<string, string[]> Validate(Identity identity)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Require(errors, "displayName", identity.DisplayName, 100);
        Require(errors, "owner", identity.Owner, 200);
        Require(errors, "purpose", identity.Purpose, 500);
        CheckScopes(errors, "allowedScopes", identity.AllowedScopes);
        CheckScopes(errors, "defaultScopes", identity.DefaultScopes);
        if (!errors.ContainsKey("defaultScopes") && identity.DefaultScopes.Any(s => !identity.AllowedScopes.Contains(s, StringComparer.Ordinal)))
        {
            errors["defaultScopes"] = ["Default scopes must be among the allowed scopes."];
        }

        if (identity.AllowedAudiences.Count > 20 || identity.AllowedAudiences.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 200 || a.Contains(' ')))
        {
            errors["allowedAudiences"] = ["At most 20 audiences, each 1 to 200 characters without spaces."];
        }

        if (identity.Tags.Count > 50 || identity.Tags.Any(t => !TagKeyPattern().IsMatch(t.Key) || t.Value.Length > 200))
        {
            errors["tags"] = ["At most 50 tags; keys are 1 to 63 letters, digits, '.', '_', '-'; values at most 200 characters."];
        }

        if (identity.TokenLifetimeSeconds is < IdentityLimits.MinTokenLifetimeSeconds or > IdentityLimits.MaxTokenLifetimeSeconds)
        {
            errors["tokenLifetimeSeconds"] = [$"Between {IdentityLimits.MinTokenLifetimeSeconds} and {IdentityLimits.MaxTokenLifetimeSeconds} seconds."];
        }

        if (identity.CredentialMaxAgeDays is < 1 or > IdentityLimits.MaxCredentialMaxAgeDays)
        {
            errors["credentialMaxAgeDays"] = [$"Between 1 and {IdentityLimits.MaxCredentialMaxAgeDays} days."];
        }

        return errors;
    }

    private static void CheckScopes(Dictionary<string, string[]> errors, string field, IReadOnlyList<string> scopes)
    {
        if (scopes.Count > 50)
        {
            errors[field] = ["At most 50 scopes."];
        }
        else if (scopes.Any(scope => !ScopeValidator.IsScopeToken(scope)))
        {
            errors[field] = ["Each scope is 1 to 128 printable characters without spaces, quotes or backslashes (RFC 6749 §3.3)."];
        }
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,63}$")]
    private static partial Regex TagKeyPattern();
}
