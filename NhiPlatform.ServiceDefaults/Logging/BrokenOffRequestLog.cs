using Microsoft.Extensions.Logging;

namespace NhiPlatform.ServiceDefaults.Logging;

/// <summary>Log messages of ServiceDefaults (6000-6009: a range of its own, shared by every service).</summary>
internal static partial class BrokenOffRequestLog
{
    [LoggerMessage(EventId = 6000, EventName = "RequestBrokenOff", Level = LogLevel.Information,
        Message = "The client broke off a request ({Source} {SourceEvent}: {Cause}: {Detail})")]
    public static partial void BrokenOff(ILogger logger, string source, string sourceEvent, string cause, string detail);
}
