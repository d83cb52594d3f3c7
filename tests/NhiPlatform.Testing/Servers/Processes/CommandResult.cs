namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>How a command ended: its exit code and its stdout followed by its stderr.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
