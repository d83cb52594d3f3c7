namespace NhiPlatform.LocalHost.LocalRun;

/// <summary>Each run starts fresh logs; the previous run's are kept once as <c>&lt;name&gt;.previous.log</c>.</summary>
internal static class LogFiles
{
    private const string PreviousSuffix = ".previous.log";

    public static void Rotate(string logsDirectory)
    {
        if (!Directory.Exists(logsDirectory))
        {
            return;
        }

        foreach (var log in Directory.EnumerateFiles(logsDirectory, "*.log").ToList())
        {
            if (!log.EndsWith(PreviousSuffix, StringComparison.Ordinal))
            {
                File.Move(log, Path.ChangeExtension(log, null) + PreviousSuffix, overwrite: true);
            }
        }
    }
}
