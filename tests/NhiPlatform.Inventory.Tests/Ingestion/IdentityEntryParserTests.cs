using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Tests.Ingestion;

public sealed class IdentityEntryParserTests
{
    private static readonly IdentityChangedEvent Sample = new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        Change = IdentityChangeKinds.Created,
        ClientId = "orders",
        Actor = "admin",
        Identity = new IdentitySnapshot
        {
            ClientId = "orders", DisplayName = "Orders", Owner = "team-orders", Purpose = "Places orders", Status = "active",
            CreatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), CreatedBy = "admin",
            UpdatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), UpdatedBy = "admin",
        },
    };

    private static StreamEntry Entry(string type, string version, string? data) =>
        new("1-0", new Dictionary<string, string> { ["type"] = type, ["v"] = version }, data is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(data));

    [Fact]
    public void Parse_V1Event_ReturnsIt()
    {
        var (change, deadLetter) = IdentityEntryParser.Parse(Entry("identity.changed", "1", JsonSerializer.Serialize(Sample, NhiEventsJsonContext.Default.IdentityChangedEvent)));

        Assert.Null(deadLetter);
        Assert.Equal("team-orders", change!.Identity.Owner);
    }

    [Theory]
    [InlineData("usage.recorded", "1", "{}", "unexpected type")]
    [InlineData("identity.changed", "2", "{}", "unsupported schema version")]
    [InlineData("identity.changed", "1", "{nope", "invalid JSON")]
    [InlineData("identity.changed", "1", null, "missing event")]
    public void Parse_Unusable_IsDeadLetterWithReason(string type, string version, string? data, string reason)
    {
        var (change, deadLetter) = IdentityEntryParser.Parse(Entry(type, version, data));

        Assert.Null(change);
        Assert.Equal("nhi:identities", deadLetter!.Stream);
        Assert.StartsWith(reason, deadLetter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClientIdNotTheSnapshots_IsDeadLetter()
    {
        var json = JsonSerializer.Serialize(Sample with { ClientId = "billing" }, NhiEventsJsonContext.Default.IdentityChangedEvent);

        Assert.NotNull(IdentityEntryParser.Parse(Entry("identity.changed", "1", json)).DeadLetter);
    }
}
