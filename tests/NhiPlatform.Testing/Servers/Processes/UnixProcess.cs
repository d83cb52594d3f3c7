using System.Globalization;
using System.Runtime.InteropServices;

namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>
/// The POSIX process operations the BCL lacks: sending signals other than SIGKILL, the effective user, and the
/// <c>/proc</c> facts that tell a process of ours from a process that merely reuses its id.
/// </summary>
internal static partial class UnixProcess
{
    public const int SigHup = 1;
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>True when running as root, where PostgreSQL must be started as the <c>postgres</c> OS user.</summary>
    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Sends <paramref name="signal"/>; false when the process does not exist (or is not ours to signal).</summary>
    public static bool TrySignal(int processId, int signal) => processId > 0 && Kill(processId, signal) == 0;

    /// <summary>Reads what identifies a live process, or null when there is none (gone, or a zombie).</summary>
    public static ProcessIdentity? TryDescribe(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X")
            {
                return null;
            }

            // Field 22 of stat (index 19 after "state" at index 0): start time in clock ticks since boot.
            var startTime = long.Parse(fields[19], CultureInfo.InvariantCulture);
            var commandLine = File.ReadAllText($"/proc/{processId}/cmdline").Replace('\0', ' ').Trim();
            return new ProcessIdentity(processId, startTime, commandLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="record"/> still names the very process it was written for.</summary>
    public static bool IsSameProcess(ProcessRecord record)
    {
        var identity = TryDescribe(record.ProcessId);
        return identity is not null
            && identity.StartTime == record.StartTime
            && identity.CommandLine.Contains(record.CommandMarker, StringComparison.Ordinal);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
