namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>What to start as a child: the program, its arguments and environment, and how to stop it.</summary>
internal sealed record ChildProcessSpec
{
    /// <summary>The label on its console lines (<c>[tokens] ...</c>) and the name of its log file.</summary>
    public required string Name { get; init; }

    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to the inherited environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The signal that asks for a graceful stop (PostgreSQL: SIGINT, its fast shutdown).</summary>
    public int StopSignal { get; init; } = UnixProcess.SigTerm;

    /// <summary>A fragment of the running process's command line, checked before a leftover process is killed.</summary>
    public required string CommandMarker { get; init; }
}
