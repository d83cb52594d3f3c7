namespace NhiPlatform.AppHost.RunState;

/// <summary>
/// When this AppHost began, for "healthy in N s" and the start-up progress. Not the process's start time: ./run.sh
/// builds first and then execs the AppHost in the same process, which would count the build.
/// </summary>
internal static class RunClock
{
    public static DateTimeOffset Started { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>The first statement of the AppHost's <c>Program.cs</c>.</summary>
    public static void Start() => Started = DateTimeOffset.UtcNow;
}
