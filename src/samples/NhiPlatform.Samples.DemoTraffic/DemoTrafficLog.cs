namespace NhiPlatform.Samples.DemoTraffic;

/// <summary>Log messages of the demo traffic (5100-5119).</summary>
internal static partial class DemoTrafficLog
{
    [LoggerMessage(EventId = 5100, EventName = "DemoCall", Level = LogLevel.Debug,
        Message = "{Client} {Method} /{Path} -> {Status}")]
    public static partial void Called(ILogger logger, string client, string method, string path, int status);

    [LoggerMessage(EventId = 5101, EventName = "DemoCallFailed", Level = LogLevel.Warning,
        Message = "{Client} {Method} /{Path} failed: {Reason}")]
    public static partial void CallFailed(ILogger logger, string client, string method, string path, string reason);
}
