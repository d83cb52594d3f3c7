using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.TokenService.RateLimiting;

/// <summary>Abuse limits of <c>/connect/*</c> (section <c>Nhi:Tokens:RateLimits</c>), counted in Redis across replicas.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Nhi:Tokens:RateLimits";

    /// <summary>Token requests one client may make per window.</summary>
    [Range(1, 1_000_000)]
    public int TokenRequestsPerClient { get; set; } = 1200;

    /// <summary>
    /// Failed authentications of one client id from one source address per window, before that client id is refused
    /// outright from that source (its right secret too); other clients and other sources are not affected.
    /// </summary>
    [Range(1, 1_000_000)]
    public int FailedAuthenticationsPerClientAndSource { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
