using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace NhiPlatform.LocalHost.Output;

/// <summary>The LocalHost's own lines, shaped like its children's: <c>[localhost] message</c>.</summary>
internal sealed class LocalHostConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "nhi-localhost";
    public const string Prefix = "[localhost] ";

    public override void Write<TState>(
        in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var level = logEntry.LogLevel switch
        {
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => string.Empty,
        };
        textWriter.Write(Prefix);
        textWriter.Write(level);
        textWriter.WriteLine(message);
        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }
}
