using System.Globalization;
using System.Text;
using NhiPlatform.Contracts;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// One entry read from a stream, independent of the Redis client's types: its id, its small fields (type, version,
/// count) as text, and <c>data</c> as the UTF-8 bytes Redis returned, so the JSON is parsed without first becoming a
/// string (null when the entry has no <c>data</c> field).
/// </summary>
internal sealed record StreamEntry(string Id, IReadOnlyDictionary<string, string> Fields, ReadOnlyMemory<byte>? Data)
{
    /// <summary>
    /// How many events the entry says it carries (<see cref="NhiStreams.CountField"/>), 1 when it does not say: reads are
    /// sized by it. Only a hint: what is stored is what <c>data</c> holds.
    /// </summary>
    public int EventCount =>
        Fields.TryGetValue(NhiStreams.CountField, out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 1;

    /// <summary>What a dead letter keeps: <c>data</c> as text, or every field when there is no <c>data</c>.</summary>
    public string RawPayload() => Data is { } data
        ? Encoding.UTF8.GetString(data.Span)
        : string.Join(' ', Fields.Select(f => $"{f.Key}={f.Value}"));
}
