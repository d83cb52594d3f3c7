namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>
/// Where one child's stdout and stderr go: its log file, the console with a <c>[name]</c> prefix, and a short
/// in-memory tail quoted in error messages when the child fails to start.
/// </summary>
internal sealed class ChildOutput : IDisposable
{
    private const int TailLength = 25;
    private readonly Lock _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _log;
    private readonly bool _echoToConsole;
    private bool _disposed;

    public ChildOutput(string name, string logFilePath, bool echoToConsole)
    {
        Name = name;
        LogFilePath = logFilePath;
        _echoToConsole = echoToConsole;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(logFilePath)!);
        var stream = new FileStream(logFilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        _log = new StreamWriter(stream) { AutoFlush = true };
    }

    public string Name { get; }

    public string LogFilePath { get; }

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLength)
            {
                _tail.Dequeue();
            }
        }

        if (_echoToConsole)
        {
            Console.Out.WriteLine($"[{Name}] {line}");
        }
    }

    /// <summary>The last lines the child wrote, for error messages.</summary>
    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _tail.Select(line => "  | " + line));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _log.Dispose();
        }
    }
}
