namespace NhiPlatform.Cli;

/// <summary>An expected failure with a message meant for the operator (no stack trace).</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Error) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
