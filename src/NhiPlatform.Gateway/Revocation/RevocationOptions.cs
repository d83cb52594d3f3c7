using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Gateway.Revocation;

/// <summary>Revocation settings (<c>Nhi:Gateway:Revocation</c>).</summary>
internal sealed class RevocationOptions
{
    public const string SectionName = "Revocation";

    /// <summary>Full reload from Redis this often, besides pub/sub and reconnects (a safety net, not the fast path).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long start-up waits for the first load before serving; until it succeeds every token is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan InitialLoadTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
