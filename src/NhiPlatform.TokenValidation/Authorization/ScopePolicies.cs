namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>
/// Authorization policy names that require scopes: <c>scope:echo.read</c>, <c>scope:a b</c> (all of), and the
/// composed form <c>nhi:all=a b;any=c d;aud=x</c> (all of, any of, audience; each part optional, at least one scope).
/// </summary>
public static class ScopePolicies
{
    public const string Prefix = "scope:";
    public const string ComposedPrefix = "nhi:";

    public static string For(params string[] scopes) => Prefix + string.Join(' ', scopes);

    /// <summary>The composed policy name of <paramref name="policy"/>.</summary>
    public static string For(ScopePolicy policy)
    {
        var parts = new List<string>(3);
        if (policy.AllOf.Count > 0)
        {
            parts.Add("all=" + string.Join(' ', policy.AllOf));
        }

        if (policy.AnyOf.Count > 0)
        {
            parts.Add("any=" + string.Join(' ', policy.AnyOf));
        }

        if (!string.IsNullOrEmpty(policy.Audience))
        {
            parts.Add("aud=" + policy.Audience);
        }

        return ComposedPrefix + string.Join(';', parts);
    }

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

    /// <summary>Parses either form; false for any other name, or a name that requires no scope.</summary>
    public static bool TryParsePolicy(string policyName, out ScopePolicy policy)
    {
        policy = new ScopePolicy();
        if (TryParse(policyName, out string[] allOf))
        {
            policy = new ScopePolicy { AllOf = allOf };
            return true;
        }

        if (!policyName.StartsWith(ComposedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] all = [], any = [];
        string? audience = null;
        foreach (var part in policyName[ComposedPrefix.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            var value = part[(separator + 1)..];
            switch (part[..separator])
            {
                case "all": all = value.Split(' ', StringSplitOptions.RemoveEmptyEntries); break;
                case "any": any = value.Split(' ', StringSplitOptions.RemoveEmptyEntries); break;
                case "aud": audience = value.Trim().Length > 0 ? value.Trim() : null; break;
                default: return false;
            }
        }

        policy = new ScopePolicy { AllOf = all, AnyOf = any, Audience = audience };
        return all.Length + any.Length > 0;
    }
}
