using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Tests.Ingestion;

public sealed class StreamBatchReaderTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedStream _stream = new();
    private readonly IngestionOptions _options = new() { BatchSize = 2, ClaimAfter = TimeSpan.FromSeconds(8) };

    private static IReadOnlyList<StreamEntry> Entries(params string[] ids) => [.. ids.Select(id => new StreamEntry(id, new Dictionary<string, string>(), null))];

    private static IReadOnlyList<StreamEntry> BatchEntries(int events, params string[] ids) =>
        [.. ids.Select(id => new StreamEntry(id, new Dictionary<string, string> { ["n"] = events.ToString(CultureInfo.InvariantCulture) }, null))];

    [Fact]
    public async Task ReadAsync_AtStart_OwnPendingEntriesFirst()
    {
        _stream.Pending.Enqueue(Entries("1-0"));
        var reader = new StreamBatchReader(_stream, _options, _time);

        Assert.Equal("1-0", Assert.Single(await reader.ReadAsync(CancellationToken.None)).Id);
        Assert.Equal(0, _stream.NewReads);
    }

    [Fact]
    public async Task ReadAsync_FullBatch_ReadsTheNextAheadAndReturnsItNext()
    {
        _stream.New.Enqueue(Entries("1-0", "2-0"));
        _stream.New.Enqueue(Entries("3-0"));
        var reader = new StreamBatchReader(_stream, _options, _time);

        await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(2, _stream.NewReads);
        Assert.Equal("3-0", Assert.Single(await reader.ReadAsync(CancellationToken.None)).Id);
        Assert.Equal(2, _stream.NewReads);
    }

    [Fact]
    public async Task ReadAsync_NothingAbandoned_ClaimsAgainOnlyAfterAQuarterOfClaimAfter()
    {
        var reader = new StreamBatchReader(_stream, _options, _time);

        await reader.ReadAsync(CancellationToken.None);
        await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(1, _stream.Claims);
        _time.Advance(TimeSpan.FromSeconds(2));
        await reader.ReadAsync(CancellationToken.None);
        Assert.Equal(2, _stream.Claims);
    }

    [Fact]
    public async Task ResetAsync_AfterAFailedBatch_ReadsPendingAgainIncludingWhatWasReadAhead()
    {
        _stream.New.Enqueue(Entries("1-0", "2-0"));
        var reader = new StreamBatchReader(_stream, _options, _time);
        await reader.ReadAsync(CancellationToken.None);
        _stream.Pending.Enqueue(Entries("1-0", "2-0"));

        await reader.ResetAsync();

        Assert.Equal(["1-0", "2-0"], (await reader.ReadAsync(CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task ReadAsync_BatchEntries_AsksForAboutBatchSizeEventsNotEntries()
    {
        var options = new IngestionOptions { BatchSize = 2_000, ClaimAfter = TimeSpan.FromSeconds(8) };
        _stream.New.Enqueue(BatchEntries(200, "1-0"));
        _stream.New.Enqueue(BatchEntries(200, [.. Enumerable.Range(2, 10).Select(i => $"{i}-0")]));
        _stream.New.Enqueue(Entries([.. Enumerable.Range(12, 10).Select(i => $"{i}-0")]));
        var reader = new StreamBatchReader(_stream, options, _time);

        Assert.Single(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(10, (await reader.ReadAsync(CancellationToken.None)).Count);
        Assert.Equal(10, (await reader.ReadAsync(CancellationToken.None)).Count);

        // Nothing known at first: one entry; then 2,000 / 200 entries of 200 events; then 2,000 single-event entries.
        Assert.Equal([1, 10, 10, 2_000], _stream.NewCounts);
    }

    [Fact]
    public async Task ReadAsync_ReadBringsMoreEventsThanBatchSize_HandsItOutInPartsAndResetDropsTheRest()
    {
        var options = new IngestionOptions { BatchSize = 2_000, ClaimAfter = TimeSpan.FromSeconds(8) };
        _stream.Pending.Enqueue(BatchEntries(1_000, "1-0", "2-0", "3-0", "4-0", "5-0"));
        var reader = new StreamBatchReader(_stream, options, _time);

        Assert.Equal(["1-0", "2-0"], (await reader.ReadAsync(CancellationToken.None)).Select(e => e.Id));
        Assert.Equal(["3-0", "4-0"], (await reader.ReadAsync(CancellationToken.None)).Select(e => e.Id));
        await reader.ResetAsync();
        _stream.Pending.Enqueue(BatchEntries(1_000, "3-0", "4-0", "5-0"));

        // What was held is pending in Redis: after a failure it comes from the pending list, not from memory.
        Assert.Equal(["3-0", "4-0"], (await reader.ReadAsync(CancellationToken.None)).Select(e => e.Id));
        Assert.Equal(0, _stream.NewReads);
    }

    private sealed class ScriptedStream : IEventStream
    {
        public Queue<IReadOnlyList<StreamEntry>> Pending { get; } = new();

        public Queue<IReadOnlyList<StreamEntry>> New { get; } = new();

        public int NewReads { get; private set; }

        /// <summary>The COUNT of every read of new entries, in order.</summary>
        public List<int> NewCounts { get; } = [];

        public int Claims { get; private set; }

        public string Name => "nhi:usage";

        public Task EnsureGroupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<StreamEntry>> ReadPendingAsync(int count, CancellationToken cancellationToken) =>
            Task.FromResult(Pending.TryDequeue(out var entries) ? entries : Entries());

        public Task<IReadOnlyList<StreamEntry>> ReadNewAsync(int count, CancellationToken cancellationToken)
        {
            NewReads++;
            NewCounts.Add(count);
            return Task.FromResult(New.TryDequeue(out var entries) ? entries : Entries());
        }

        public Task<IReadOnlyList<StreamEntry>> ClaimAbandonedAsync(TimeSpan minIdle, int count, CancellationToken cancellationToken)
        {
            Claims++;
            return Task.FromResult(Entries());
        }

        public Task AcknowledgeAsync(IReadOnlyList<string> entryIds, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
