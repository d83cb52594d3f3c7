namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>Authorization policy names that require scopes: <c>scope:echo.read</c>, <c>scope:a b</c> (all of).</summary>
public static class ScopePolicies
{
    public const string Prefix = "scope:";

    public static string For(params string[] scopes) => Prefix + string.Join(' ', scopes);

    internal static bool TryParse(string policyName, out string[] scopes)
    {
        scopes = [];
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        scopes = policyName[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Length > 0;
    }
}
