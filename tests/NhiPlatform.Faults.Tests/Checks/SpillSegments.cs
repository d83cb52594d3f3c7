using System.Globalization;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// The segments waiting in the gateways' shared spill directory. A segment's name carries its writer's process id
/// (<c>usage-&lt;time&gt;-&lt;pid&gt;-&lt;id&gt;.jsonl</c>), so the segments a stopped replica left behind are those whose
/// writer no longer runs.
/// </summary>
internal static class SpillSegments
{
    public static IReadOnlyList<string> List(string directory) =>
        Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory, "usage-*")] : [];

    public static IReadOnlyList<string> LeftByStoppedWriters(string directory) =>
        [.. List(directory).Where(path => WriterProcessId(path) is { } pid && !IsRunning(pid))];

    public static int? WriterProcessId(string path) =>
        Path.GetFileName(path).Split('-') is [_, _, var pid, ..] && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private static bool IsRunning(int pid)
    {
        try
        {
            // "pid (comm) state ...": a zombie has exited already.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
