namespace NhiPlatform.Contracts.Events;

/// <summary>Values of <see cref="UsageRecordedEvent.Decision"/>.</summary>
public static class UsageDecisions
{
    /// <summary>The gateway let the request through (the downstream status may still be an error).</summary>
    public const string Allowed = "allowed";

    /// <summary>The gateway refused the request itself.</summary>
    public const string Denied = "denied";
}
