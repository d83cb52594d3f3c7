namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage: the requested scope (RFC 6749 §3.3) must be well formed and within what the identity may ask
/// for; omitted, it means the identity's default scopes (§3.3 lets the server pick a default).
/// </summary>
internal static class ScopeValidator
{
    public static (IReadOnlyList<string> Scopes, OAuthError? Error) Validate(string? requested, IReadOnlyList<string> allowed) =>
        Validate(requested, allowed, allowed);

    public static (IReadOnlyList<string> Scopes, OAuthError? Error) Validate(string? requested, IReadOnlyList<string> allowed, IReadOnlyList<string> defaults)
    {
        if (requested is null)
        {
            return (defaults, null);
        }

        var scopes = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0 || !scopes.All(IsScopeToken))
        {
            return ([], new OAuthError(OAuthErrors.InvalidScope, "The scope parameter is malformed."));
        }

        if (!scopes.All(scope => allowed.Contains(scope, StringComparer.Ordinal)))
        {
            return ([], new OAuthError(OAuthErrors.InvalidScope, "A requested scope is not allowed for this client."));
        }

        return (scopes, null);
    }

    /// <summary>RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).</summary>
    public static bool IsScopeToken(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => c == '\x21' || c is >= '\x23' and <= '\x5B' || c is >= '\x5D' and <= '\x7E');
}
