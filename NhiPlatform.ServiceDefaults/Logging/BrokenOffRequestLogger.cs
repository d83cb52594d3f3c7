using Microsoft.Extensions.Logging;

namespace NhiPlatform.ServiceDefaults.Logging;

/// <summary>
/// Wraps a Kestrel or YARP logger: an entry about a broken-off request becomes one Information line of bounded length
/// on <see cref="Category"/> (no exception, so no stack trace; nothing the client sent); every other entry passes unchanged.
/// </summary>
internal sealed class BrokenOffRequestLogger(ILogger inner, ILogger brokenOff, string source) : ILogger
{
    public const string Category = "NhiPlatform.BrokenOffRequests";
    private const int MaxDetailLength = 120;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel) || brokenOff.IsEnabled(LogLevel.Information);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!BrokenOffRequests.IsBrokenOff(state, exception))
        {
            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }

            return;
        }

        // The innermost cause names what happened (a reset, an early end of body); framework text only, cut short.
        var cause = exception!;
        while (cause.InnerException is { } next && cause is not AggregateException)
        {
            cause = next;
        }

        BrokenOffRequestLog.BrokenOff(brokenOff, source, eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            cause.GetType().Name, Shorten(cause.Message));
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= MaxDetailLength ? line : line[..MaxDetailLength] + "…";
    }
}
