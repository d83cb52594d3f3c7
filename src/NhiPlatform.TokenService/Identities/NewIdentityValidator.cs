using System.Text.RegularExpressions;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>Checks a registration request; returns errors by field, empty when valid.</summary>
internal static partial class NewIdentityValidator
{
    public static Dictionary<string, string[]> Validate(NewIdentity request, DateTimeOffset now)
    {
        var errors = IdentityRules.Validate(IdentityRegistrar.Draft(request, "validator", DateTimeOffset.UnixEpoch, "draft"));
        if (request.ClientId is not null && !ClientIdPattern().IsMatch(request.ClientId))
        {
            errors["clientId"] = ["3 to 63 characters: lower-case letters, digits and dashes, starting with a letter or digit."];
        }

        // An identity born expired could never authenticate: a mistake, said at once rather than found later as 401s.
        if (request.ExpiresAt is { } expiresAt && expiresAt <= now)
        {
            errors["expiresAt"] = ["Must be in the future: an identity cannot be created already expired."];
        }

        if (request.DefaultScopes is null && errors.ContainsKey("allowedScopes"))
        {
            errors.Remove("defaultScopes");
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,62}$")]
    private static partial Regex ClientIdPattern();
}
