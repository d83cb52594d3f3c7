using System.Collections.Concurrent;

namespace NhiPlatform.Gateway.Revocation;

/// <summary>
/// One generation of revocations: revoked <c>jti</c> → <c>exp</c>, and client id → cut-off (both Unix seconds).
/// Lookups are O(1) and lock-free.
/// </summary>
internal sealed class RevocationState
{
    public ConcurrentDictionary<string, long> Tokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Cutoffs { get; } = new(StringComparer.Ordinal);
}
