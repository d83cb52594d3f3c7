using System.Text.Json;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Gateway.Usage;

/// <summary>One spilled segment, held with an exclusive lock until it is replayed (and deleted) or released.</summary>
internal sealed class UsageSpillSegment(string path, FileStream stream) : IDisposable
{
    public string Path { get; } = path;

    /// <summary>Reads every event; lines that cannot be read (a torn last line after a crash) are reported.</summary>
    public async Task<(List<UsageRecordedEvent> Events, List<int> UnreadableLines)> ReadAsync(CancellationToken cancellationToken)
    {
        var events = new List<UsageRecordedEvent>();
        var unreadable = new List<int>();
        using var reader = new StreamReader(stream, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                events.Add(JsonSerializer.Deserialize(line, NhiEventsJsonContext.Default.UsageRecordedEvent)
                    ?? throw new JsonException("null event"));
            }
            catch (JsonException)
            {
                unreadable.Add(number);
            }
        }

        return (events, unreadable);
    }

    /// <summary>Deletes the replayed segment (still under its lock, so no one else replays it).</summary>
    public void Delete() => File.Delete(Path);

    public void Dispose() => stream.Dispose();
}
