using System.Text.RegularExpressions;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Identities;

/// <summary>Checks a registration request; returns errors by field, empty when valid.</summary>
internal static partial class NewIdentityValidator
{
    public static Dictionary<string, string[]> Validate(NewIdentity request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.ClientId is not null && !ClientIdPattern().IsMatch(request.ClientId))
        {
            errors["clientId"] = ["3 to 63 characters: lower-case letters, digits and dashes, starting with a letter or digit."];
        }

        Require(errors, "displayName", request.DisplayName, 100);
        Require(errors, "owner", request.Owner, 200);
        Require(errors, "purpose", request.Purpose, 500);
        if (request.AllowedScopes.Count > 50)
        {
            errors["allowedScopes"] = ["At most 50 scopes."];
        }
        else if (request.AllowedScopes.Any(scope => !ScopeValidator.IsScopeToken(scope)))
        {
            errors["allowedScopes"] = ["Each scope is 1 to 128 printable characters without spaces, quotes or backslashes (RFC 6749 §3.3)."];
        }

        return errors;
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

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,62}$")]
    private static partial Regex ClientIdPattern();
}
