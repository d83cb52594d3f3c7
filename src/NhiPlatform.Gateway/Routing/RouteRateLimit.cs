using System.Globalization;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Configuration;

namespace NhiPlatform.Gateway.Routing;

/// <summary>A route's per-identity limit: <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
internal sealed record RouteRateLimit(int PermitLimit, TimeSpan Window)
{
    private static readonly ConditionalWeakTable<RouteConfig, StrongBox<RouteRateLimit?>> Parsed = new();

    /// <summary>The route's limit, parsed once per configuration object; null when it declares none.</summary>
    public static RouteRateLimit? Of(RouteConfig route) =>
        Parsed.GetValue(route, static r => new StrongBox<RouteRateLimit?>(TryParse(r, out var limit, out _) ? limit : null)).Value;

    /// <summary>False with an error when the metadata is present but wrong; true with null when absent.</summary>
    public static bool TryParse(RouteConfig route, out RouteRateLimit? limit, out string? error)
    {
        limit = null;
        error = null;
        string? permits = null, window = null;
        var hasPermits = route.Metadata?.TryGetValue(RouteMetadataKeys.RateLimitPermits, out permits) == true;
        var hasWindow = route.Metadata?.TryGetValue(RouteMetadataKeys.RateLimitWindow, out window) == true;
        if (!hasPermits && !hasWindow)
        {
            return true;
        }

        if (!int.TryParse(permits, NumberStyles.None, CultureInfo.InvariantCulture, out var permitLimit) || permitLimit is < 1 or > 1_000_000
            || !TimeSpan.TryParse(window, CultureInfo.InvariantCulture, out var span) || span < TimeSpan.FromMilliseconds(100) || span > TimeSpan.FromHours(1))
        {
            error = $"{RouteMetadataKeys.RateLimitPermits} must be 1..1000000 and {RouteMetadataKeys.RateLimitWindow} a TimeSpan " +
                "from 00:00:00.1 to 01:00:00; give both.";
            return false;
        }

        limit = new RouteRateLimit(permitLimit, span);
        return true;
    }
}
