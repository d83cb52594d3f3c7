using System.Globalization;

namespace NhiPlatform.Soak;

/// <summary>One service process of the LocalHost, named after its assembly (replicas get a suffix).</summary>
internal sealed record ServiceProcess(string Name, int ProcessId)
{
    /// <summary>The LocalHost's children that run an NhiPlatform assembly (PostgreSQL and Redis are not ours to watch).</summary>
    public static IReadOnlyList<ServiceProcess> ChildrenOf(int parent)
    {
        var found = new List<ServiceProcess>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (ParentOf(pid) != parent)
                {
                    continue;
                }

                var assembly = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0')
                    .FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal) && Path.GetFileName(a).StartsWith("NhiPlatform.", StringComparison.Ordinal));
                if (assembly is null)
                {
                    continue;
                }

                var name = Path.GetFileNameWithoutExtension(assembly)["NhiPlatform.".Length..];
                var replicas = found.Count(s => s.Name == name || s.Name.StartsWith(name + "#", StringComparison.Ordinal));
                found.Add(new ServiceProcess(replicas == 0 ? name : $"{name}#{replicas + 1}", pid));
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        return found.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Resident memory in bytes, or null once the process is gone.</summary>
    public long? ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{ProcessId}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
    private static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }
}
