using System.Globalization;

namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>
/// One line of <c>run/pids</c>: a child the fixture started, with what proves a later process with the same id is
/// still that child (its start time and a fragment of its command line) and the signal that stops it gracefully.
/// </summary>
internal sealed record ProcessRecord(int ProcessId, long StartTime, int StopSignal, string Name, string CommandMarker)
{
    private const char Separator = '\t';

    public string ToLine() =>
        string.Join(
            Separator,
            ProcessId.ToString(CultureInfo.InvariantCulture),
            StartTime.ToString(CultureInfo.InvariantCulture),
            StopSignal.ToString(CultureInfo.InvariantCulture),
            Name,
            CommandMarker);

    public static ProcessRecord? TryParse(string line)
    {
        var parts = line.Split(Separator, 5);
        if (parts.Length != 5
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTime)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var stopSignal)
            || parts[4].Length == 0)
        {
            return null;
        }

        return new ProcessRecord(processId, startTime, stopSignal, parts[3], parts[4]);
    }
}
