using System.Text.Json;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Tests.Ingestion;

public sealed class UsageEntryParserTests
{
    private static readonly UsageRecordedEvent Sample = new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        ClientId = "orders",
        Method = "GET",
        Path = "/svc/echo/x",
        Status = 200,
        LatencyMs = 1.5,
        Decision = UsageDecisions.Allowed,
    };

    private static StreamEntry Entry(string? type = "usage.recorded", string? version = "1", string? data = null) =>
        new("1-0", new Dictionary<string, string?> { ["type"] = type, ["v"] = version, ["data"] = data }
            .Where(f => f.Value is not null)
            .ToDictionary(f => f.Key, f => f.Value!));

    [Fact]
    public void Parse_ValidEntry_ReturnsTheEvent()
    {
        var (usage, deadLetter) = UsageEntryParser.Parse(Entry(data: JsonSerializer.Serialize(Sample, NhiEventsJsonContext.Default.UsageRecordedEvent)));

        Assert.Null(deadLetter);
        Assert.Equal(Sample, usage);
    }

    [Theory]
    [InlineData("identity.changed", "1", "{}", "unexpected type")]
    [InlineData("usage.recorded", "2", "{}", "unsupported schema version")]
    [InlineData("usage.recorded", "1", "{not json", "invalid JSON")]
    [InlineData("usage.recorded", "1", null, "missing event")]
    [InlineData(null, null, null, "unexpected type")]
    public void Parse_Unreadable_IsDeadLetterWithReason(string? type, string? version, string? data, string reason)
    {
        var (usage, deadLetter) = UsageEntryParser.Parse(Entry(type, version, data));

        Assert.Null(usage);
        Assert.NotNull(deadLetter);
        Assert.StartsWith(reason, deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal("1-0", deadLetter.EntryId);
    }
}
