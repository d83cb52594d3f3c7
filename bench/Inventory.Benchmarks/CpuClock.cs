using System.Globalization;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>
/// CPU seconds used so far by this process (the bench and the inventory it hosts), PostgreSQL (the postmaster, its
/// live backends, and the backends it already reaped) and redis-server, from /proc. On a shared machine wall time
/// depends on the neighbours; CPU seconds per event do much less, so they are reported beside it.
/// </summary>
internal static class CpuClock
{
    private const double TicksPerSecond = 100;

    public static double Seconds(LocalServersFixture servers) => Split(servers).Total;

    /// <summary>CPU seconds by side: this process (bench and service), PostgreSQL, Redis.</summary>
    public static (double Process, double Postgres, double Redis, double Total) Split(LocalServersFixture servers)
    {
        var postmaster = servers.PostgresProcessId;
        var process = Ticks(Environment.ProcessId, withReaped: false) / TicksPerSecond;
        var redis = Ticks(servers.RedisProcessId, withReaped: false) / TicksPerSecond;
        var total = Ticks(postmaster, withReaped: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Parent(pid) == postmaster)
            {
                total += Ticks(pid, withReaped: false);
            }
        }

        var postgres = total / TicksPerSecond;
        return (process, postgres, redis, process + postgres + redis);
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int Parent(int pid) => Fields(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : -1;

    /// <summary>utime + stime (fields 14, 15), plus cutime + cstime (16, 17) for children already waited for.</summary>
    private static long Ticks(int? pid, bool withReaped)
    {
        if (pid is null || Fields(pid.Value) is not { } f)
        {
            return 0;
        }

        long Field(int number) => long.Parse(f[number - 3], CultureInfo.InvariantCulture);
        return Field(14) + Field(15) + (withReaped ? Field(16) + Field(17) : 0);
    }
}
