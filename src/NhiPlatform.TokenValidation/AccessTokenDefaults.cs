namespace NhiPlatform.TokenValidation;

/// <summary>Fixed rules of access-token validation (see README.md).</summary>
public static class AccessTokenDefaults
{
    /// <summary>Tolerated clock difference between token service and resource server.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Larger tokens are refused before parsing: ours are well under 2 KiB.</summary>
    public const int MaximumTokenSizeInBytes = 8 * 1024;

    /// <summary>Signature algorithms the token service may use; anything else (none, HS*) is refused.</summary>
    public static readonly IReadOnlyList<string> Algorithms = ["RS256", "ES256"];

    /// <summary>The <c>WWW-Authenticate</c> realm.</summary>
    public const string Realm = "nhi";
}
