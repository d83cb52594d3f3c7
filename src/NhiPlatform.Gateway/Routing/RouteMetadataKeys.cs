namespace NhiPlatform.Gateway.Routing;

/// <summary>Keys of a route's <c>Metadata</c> in the <c>ReverseProxy</c> configuration (README.md in this folder).</summary>
internal static class RouteMetadataKeys
{
    /// <summary>"true" to pass the caller's <c>Authorization</c> header downstream (token service, inventory); stripped otherwise.</summary>
    public const string ForwardAuthorization = "Nhi.ForwardAuthorization";

    /// <summary>Space-separated scopes the token must all carry.</summary>
    public const string ScopesAllOf = "Nhi.Scopes.AllOf";

    /// <summary>Space-separated scopes of which the token must carry at least one.</summary>
    public const string ScopesAnyOf = "Nhi.Scopes.AnyOf";

    /// <summary>The audience (<c>aud</c>) the token must name for this route; default <c>Nhi:Audience</c>.</summary>
    public const string Audience = "Nhi.Audience";

    /// <summary>Requests one identity may make on this route per <see cref="RateLimitWindow"/> (per gateway replica).</summary>
    public const string RateLimitPermits = "Nhi.RateLimit.PermitLimit";

    /// <summary>The rate-limit window, as a TimeSpan (<c>00:00:01</c>).</summary>
    public const string RateLimitWindow = "Nhi.RateLimit.Window";
}
