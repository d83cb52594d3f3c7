using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
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

    private static StreamEntry Entry(string? type = "usage.recorded", string? version = "1", string? data = null, string? count = null) =>
        new("1-0", new Dictionary<string, string?> { ["type"] = type, ["v"] = version, ["n"] = count }
                .Where(f => f.Value is not null)
                .ToDictionary(f => f.Key, f => f.Value!),
            data is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(data));

    private static (List<UsageRecordedEvent> Events, List<DeadLetter> DeadLetters) Parse(StreamEntry entry)
    {
        var events = new List<UsageRecordedEvent>();
        var deadLetters = new List<DeadLetter>();
        UsageEntryParser.Parse(entry, events, deadLetters);
        return (events, deadLetters);
    }

    private static string BatchJson(params UsageRecordedEvent[] events) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(events, NhiEventsJsonContext.Default.UsageRecordedEventArray));

    [Fact]
    public void Parse_ValidEntry_ReturnsTheEvent()
    {
        var (events, deadLetters) = Parse(Entry(data: JsonSerializer.Serialize(Sample, NhiEventsJsonContext.Default.UsageRecordedEvent)));

        Assert.Empty(deadLetters);
        Assert.Equal(Sample, Assert.Single(events));
    }

    [Theory]
    [InlineData("identity.changed", "1", "{}", "unexpected type")]
    [InlineData("usage.recorded", "2", "{}", "unsupported schema version")]
    [InlineData("usage.recorded", "1", "{not json", "invalid JSON")]
    [InlineData("usage.recorded", "1", null, "missing event")]
    [InlineData(null, null, null, "unexpected type")]
    [InlineData("usage.batch", "2", "[]", "unsupported schema version")]
    [InlineData("usage.batch", "1", "[{not json", "invalid JSON")]
    [InlineData("usage.batch", "1", "{\"eventId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}", "invalid JSON")]
    [InlineData("usage.batch", "1", "null", "missing events")]
    [InlineData("usage.batch", "1", null, "missing events")]
    public void Parse_Unreadable_IsOneDeadLetterWithReasonAndRawPayload(string? type, string? version, string? data, string reason)
    {
        var (events, deadLetters) = Parse(Entry(type, version, data));

        Assert.Empty(events);
        var deadLetter = Assert.Single(deadLetters);
        Assert.StartsWith(reason, deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal("1-0", deadLetter.EntryId);
        Assert.Equal("nhi:usage", deadLetter.Stream);
        Assert.Equal(data ?? string.Join(' ', new[] { ("type", type), ("v", version) }.Where(f => f.Item2 is not null).Select(f => $"{f.Item1}={f.Item2}")),
            deadLetter.Payload);
    }

    [Fact]
    public void Parse_BatchEntry_ReturnsEveryEventInOrder()
    {
        var events = Enumerable.Range(0, 3).Select(i => Sample with { EventId = Guid.NewGuid(), Path = $"/svc/echo/{i}" }).ToArray();

        var (parsed, deadLetters) = Parse(Entry("usage.batch", "1", BatchJson(events), "3"));

        Assert.Empty(deadLetters);
        Assert.Equal(events, parsed);
    }

    [Fact]
    public void Parse_BatchElementWithoutEventId_IsItsOwnDeadLetterAndTheOthersAreRead()
    {
        var good = Sample with { EventId = Guid.NewGuid() };
        var json = BatchJson(good, Sample with { EventId = Guid.Empty, Path = "/svc/echo/no-id" }, Sample);

        var (parsed, deadLetters) = Parse(Entry("usage.batch", "1", json, "3"));

        Assert.Equal([good, Sample], parsed);
        var deadLetter = Assert.Single(deadLetters);
        Assert.Equal("1-0[1]", deadLetter.EntryId);
        Assert.Equal("missing event", deadLetter.Reason);
        var element = JsonSerializer.Deserialize(deadLetter.Payload, NhiEventsJsonContext.Default.UsageRecordedEvent)!;
        Assert.Equal("/svc/echo/no-id", element.Path);
    }

    [Fact]
    public void Parse_BatchWithANullElement_DeadLettersThatElementOnly()
    {
        var json = $"[{JsonSerializer.Serialize(Sample, NhiEventsJsonContext.Default.UsageRecordedEvent)}, null]";

        var (parsed, deadLetters) = Parse(Entry("usage.batch", "1", json, "2"));

        Assert.Equal(Sample, Assert.Single(parsed));
        Assert.Equal(("1-0[1]", "null"), (Assert.Single(deadLetters).EntryId, deadLetters[0].Payload));
    }

    [Fact]
    public void Parse_BatchElementMissingARequiredField_MakesTheEntryNotAnArrayOfEventsAndOneDeadLetter()
    {
        // Contract: data that is not an array of usage.recorded objects is one dead letter for the entry, raw payload kept.
        var json = BatchJson(Sample).Replace("\"method\":\"GET\",", "", StringComparison.Ordinal);

        var (parsed, deadLetters) = Parse(Entry("usage.batch", "1", json, "1"));

        Assert.Empty(parsed);
        Assert.Equal(("1-0", json), (Assert.Single(deadLetters).EntryId, deadLetters[0].Payload));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("200", 200)]
    [InlineData("0", 1)]
    [InlineData("-5", 1)]
    [InlineData("many", 1)]
    public void EventCount_IsTheCountFieldOrOne(string? count, int expected) =>
        Assert.Equal(expected, Entry("usage.batch", "1", "[]", count).EventCount);
}
