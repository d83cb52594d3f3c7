namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>
/// <c>run/pids</c>: every child the fixture has running, rewritten whole (write, then rename) on each change so
/// that a test process killed at any moment leaves a readable list for the next start to clean up.
/// </summary>
internal sealed class PidFile(string path)
{
    private readonly Lock _gate = new();
    private readonly List<ProcessRecord> _records = [];

    public string Path { get; } = path;

    public void Add(ProcessRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
            WriteLocked();
        }
    }

    public void Remove(int processId)
    {
        lock (_gate)
        {
            _records.RemoveAll(record => record.ProcessId == processId);
            WriteLocked();
        }
    }

    /// <summary>The records a previous run left (empty when there is no file).</summary>
    public IReadOnlyList<ProcessRecord> ReadLeftovers()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        return File.ReadAllLines(Path)
            .Select(ProcessRecord.TryParse)
            .OfType<ProcessRecord>()
            .ToList();
    }

    public void Delete()
    {
        lock (_gate)
        {
            _records.Clear();
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }
        }
    }

    private void WriteLocked()
    {
        var temporary = Path + ".tmp";
        File.WriteAllLines(temporary, _records.Select(record => record.ToLine()));
        File.Move(temporary, Path, overwrite: true);
    }
}
