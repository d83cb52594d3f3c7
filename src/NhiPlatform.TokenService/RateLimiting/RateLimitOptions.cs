using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.TokenService.RateLimiting;

/// <summary>Abuse limits of <c>/connect/*</c> (section <c>Nhi:Tokens:RateLimits</c>), counted in Redis across replicas.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Nhi:Tokens:RateLimits";

    /// <summary>Token requests one client may make per window.</summary>
    [Range(1, 1_000_000)]
    public int TokenRequestsPerClient { get; set; } = 1200;

    /// <summary>Failed client authentications one source address may cause per window before it is refused outright.</summary>
    [Range(1, 1_000_000)]
    public int FailedAuthenticationsPerSource { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether to take the source from <c>X-Forwarded-For</c> when the direct peer is a loopback address (the
    /// gateway in front of us); otherwise the peer address is the source.
    /// </summary>
    public bool TrustLoopbackForwardedFor { get; set; } = true;
}
