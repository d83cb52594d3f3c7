using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace NhiPlatform.LocalHost.Output;

/// <summary>The LocalHost's logger factory: its own lines on the console, errors on stderr.</summary>
internal static class LocalHostLogging
{
    public static ILoggerFactory Create() => LoggerFactory.Create(logging => logging
        .SetMinimumLevel(LogLevel.Information)
        .AddConsole(console =>
        {
            console.FormatterName = LocalHostConsoleFormatter.FormatterName;
            console.LogToStandardErrorThreshold = LogLevel.Error;
        })
        .AddConsoleFormatter<LocalHostConsoleFormatter, ConsoleFormatterOptions>());
}
