using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings;

/// <summary>One evaluation: the snapshot, the instant (from <see cref="TimeProvider"/>), the settings and our issuer.</summary>
internal sealed class FindingContext(InventorySnapshot snapshot, DateTimeOffset now, FindingsOptions options, string issuer)
{
    private readonly Dictionary<string, CallerRecord> _callers = snapshot.Callers.ToDictionary(c => c.Caller, StringComparer.Ordinal);

    public InventorySnapshot Snapshot => snapshot;
    public DateTimeOffset Now => now;
    public FindingsOptions Options => options;

    /// <summary>The platform's own issuer: a failed token from another issuer is an unknown issuer.</summary>
    public string Issuer => issuer;

    public CallerRecord? CallerOf(string clientId) => _callers.GetValueOrDefault(clientId);

    public IEnumerable<IdentityRecord> ActiveIdentities => snapshot.Identities.Where(i => i.Status == "active");

    public static Dictionary<string, string> Evidence(params (string Key, object? Value)[] items) =>
        items.Where(i => i.Value is not null).ToDictionary(i => i.Key, i => Format(i.Value!), StringComparer.Ordinal);

    private static string Format(object value) => value switch
    {
        DateTimeOffset instant => instant.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
