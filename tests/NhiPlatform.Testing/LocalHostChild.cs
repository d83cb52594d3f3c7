using NhiPlatform.LocalHost.Processes;

namespace NhiPlatform.Testing;

/// <summary>A child the LocalHost recorded in <c>run/pids</c>.</summary>
public sealed record LocalHostChild(int ProcessId, string Name, long StartTime)
{
    /// <summary>True while this very process (same id and start time) is running and not a zombie.</summary>
    public bool IsAlive() => UnixProcess.TryDescribe(ProcessId) is { } identity && identity.StartTime == StartTime;
}
