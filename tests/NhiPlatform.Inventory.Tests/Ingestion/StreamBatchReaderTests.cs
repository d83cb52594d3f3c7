using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Tests.Ingestion;

public sealed class StreamBatchReaderTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedStream _stream = new();
    private readonly IngestionOptions _options = new() { BatchSize = 2, ClaimAfter = TimeSpan.FromSeconds(8) };

    private static IReadOnlyList<StreamEntry> Entries(params string[] ids) => [.. ids.Select(id => new StreamEntry(id, new Dictionary<string, string>()))];

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

    private sealed class ScriptedStream : IEventStream
    {
        public Queue<IReadOnlyList<StreamEntry>> Pending { get; } = new();

        public Queue<IReadOnlyList<StreamEntry>> New { get; } = new();

        public int NewReads { get; private set; }

        public int Claims { get; private set; }

        public string Name => "nhi:usage";

        public Task EnsureGroupAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<StreamEntry>> ReadPendingAsync(int count, CancellationToken cancellationToken) =>
            Task.FromResult(Pending.TryDequeue(out var entries) ? entries : Entries());

        public Task<IReadOnlyList<StreamEntry>> ReadNewAsync(int count, CancellationToken cancellationToken)
        {
            NewReads++;
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
