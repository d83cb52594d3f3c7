using System.Globalization;

namespace NhiPlatform.Soak;

/// <summary>One service process of the running platform, named after its assembly (replicas get a suffix).</summary>
internal sealed record ServiceProcess(string Name, int ProcessId)
{
    /// <summary>
    /// The processes the AppHost runs from an NhiPlatform service's build output (PostgreSQL and Redis are not ours to
    /// watch; nor are the AppHost and this soak).
    /// </summary>
    public static IReadOnlyList<ServiceProcess> Running()
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
                var program = Path.GetFileName(File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0')[0]);
                if (!program.StartsWith("NhiPlatform.", StringComparison.Ordinal) || program is "NhiPlatform.AppHost" or "NhiPlatform.Soak")
                {
                    continue;
                }

                var name = program["NhiPlatform.".Length..];
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
}
