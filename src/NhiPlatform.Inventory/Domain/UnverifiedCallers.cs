using System.Net;
using System.Net.Sockets;

namespace NhiPlatform.Inventory.Domain;

/// <summary>
/// Callers whose token failed verification are keyed by where they called from (an IPv4 address, an IPv6 /64), never by
/// what the token claims: claims are the caller's own text, unbounded and unverified (they stay in the usage ledger for
/// forensics). The map and the findings show the busiest few and fold the rest into one.
/// </summary>
internal static class UnverifiedCallers
{
    public const string Kind = "unverified";

    /// <summary>How many unverified callers the map and the findings show one by one.</summary>
    public const int Shown = 20;

    /// <summary>Where the map and the findings fold the others.</summary>
    public const string Others = "unverified@others";

    public static string Key(string? sourceAddress) => $"unverified@{Network(sourceAddress)}";

    /// <summary>The source the key names (a former key, <c>unverified:subject@issuer</c>, names none).</summary>
    public static string? SourceOf(string caller) => caller.StartsWith("unverified@", StringComparison.Ordinal) ? caller["unverified@".Length..] : null;

    /// <summary>The busiest <see cref="Shown"/> unverified callers of <paramref name="callers"/>.</summary>
    public static IReadOnlySet<string> ShownOf(IEnumerable<CallerRecord> callers) =>
        callers.Where(c => c.CallerKind == Kind).OrderByDescending(c => c.Calls).ThenBy(c => c.Caller, StringComparer.Ordinal)
            .Take(Shown).Select(c => c.Caller).ToHashSet(StringComparer.Ordinal);

    private static string Network(string? sourceAddress)
    {
        if (!IPAddress.TryParse(sourceAddress, out var address))
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        // One host of IPv6 can hold a whole /64: counting its addresses one by one would be counting nothing.
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
