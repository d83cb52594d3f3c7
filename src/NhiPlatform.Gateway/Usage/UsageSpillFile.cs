using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Gateway.Usage;

/// <summary>
/// The append-only spill of usage events (README.md in this folder): JSON lines in segments named
/// <c>usage-&lt;time&gt;-&lt;pid&gt;-&lt;id&gt;.jsonl</c>, written as <c>….jsonl.open</c> while this process appends
/// (holding a shared lock) and renamed when closed. A replayer claims a segment with an exclusive lock, so a segment is
/// replayed by one process at a time and never while it is still being written.
/// </summary>
internal sealed class UsageSpillFile(IOptions<UsageOptions> options, IHostEnvironment environment, UsageMetrics metrics,
    TimeProvider timeProvider, ILogger<UsageSpillFile> logger) : IDisposable
{
    public const string ClosedExtension = ".jsonl";
    public const string OpenExtension = ".jsonl.open";

    /// <summary>An <c>.open</c> segment nobody holds and untouched this long was left by a process that died.</summary>
    private static readonly TimeSpan OrphanAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private FileStream? _active;
    private string? _activePath;

    public string DirectoryPath { get; } = Path.GetFullPath(options.Value.SpillDirectory, environment.ContentRootPath);

    /// <summary>Appends and flushes <paramref name="events"/>; false (logged) when the disk refuses.</summary>
    public bool TryAppend(IReadOnlyList<UsageRecordedEvent> events)
    {
        lock (_gate)
        {
            try
            {
                _active ??= OpenSegment();
                foreach (var usage in events)
                {
                    _active.Write(JsonSerializer.SerializeToUtf8Bytes(usage, NhiEventsJsonContext.Default.UsageRecordedEvent));
                    _active.WriteByte((byte)'\n');
                }

                _active.Flush();
                metrics.Spilled(events.Count);
                return true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                UsageLog.SpillFailed(logger, exception, events.Count, DirectoryPath);
                return false;
            }
        }
    }

    /// <summary>Closes the segment being appended to, so it can be replayed.</summary>
    public void CloseActive()
    {
        lock (_gate)
        {
            if (_active is null || _activePath is null)
            {
                return;
            }

            _active.Dispose();
            _active = null;
            File.Move(_activePath, _activePath[..^".open".Length]);
            _activePath = null;
        }
    }

    /// <summary>Segments that may be replayed: closed ones, and open ones whose writer died, oldest first.</summary>
    public IReadOnlyList<string> ListSegments()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return [];
        }

        var orphanBefore = timeProvider.GetUtcNow() - OrphanAge;
        string? active;
        lock (_gate)
        {
            active = _activePath;
        }

        return Directory.EnumerateFiles(DirectoryPath, "usage-*")
            .Where(path => path != active && (path.EndsWith(ClosedExtension, StringComparison.Ordinal)
                || (path.EndsWith(OpenExtension, StringComparison.Ordinal) && File.GetLastWriteTimeUtc(path) < orphanBefore.UtcDateTime)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Claims a segment exclusively; null when another process holds it (writing or replaying) or it is gone.</summary>
    public UsageSpillSegment? TryClaim(string path)
    {
        try
        {
            return new UsageSpillSegment(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => CloseActive();

    private FileStream OpenSegment()
    {
        Directory.CreateDirectory(DirectoryPath);
        _activePath = Path.Combine(DirectoryPath, string.Create(CultureInfo.InvariantCulture,
            $"usage-{timeProvider.GetUtcNow():yyyyMMddTHHmmssfff}-{Environment.ProcessId}-{Guid.NewGuid():N}{OpenExtension}"));
        return new FileStream(_activePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
    }
}
