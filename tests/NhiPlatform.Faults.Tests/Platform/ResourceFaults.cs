using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NhiPlatform.Faults.Tests.Platform;

/// <summary>
/// Stops and starts one resource instance as an operator does from the dashboard: Aspire's resource commands (the
/// orchestrator signals the process and waits for it to exit). Every wait is bounded; a failure names the instance and
/// the state it was left in.
/// </summary>
internal sealed class ResourceFaults(ResourceCommandService commands, PlatformResources resources)
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(60);

    /// <summary>A service's start here takes 5 to 40 s depending on how busy the machine's two cores are.</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    /// <summary>Stops the instance (or the resource's only one) and returns once its process has exited; how long that took.</summary>
    public async Task<TimeSpan> StopAsync(string resource)
    {
        var instance = resources.Resolve(resource);
        var started = Stopwatch.GetTimestamp();
        await ExecuteAsync(instance, KnownResourceCommands.StopCommand, StopBound);
        await resources.WaitAsync(instance, s => KnownResourceStates.TerminalStates.Contains(s.State?.Text), StopBound, "stop");
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Starts the instance and returns once a new process of it runs and Aspire finds it healthy (its own health checks:
    /// for a replica they reach whichever replica the proxy picks, so replicas are probed directly by the caller).
    /// </summary>
    public async Task<TimeSpan> StartAsync(string resource)
    {
        var instance = resources.Resolve(resource);
        var started = Stopwatch.GetTimestamp();
        var previous = PlatformResources.ProcessId(resources.Snapshot(instance));
        await ExecuteAsync(instance, KnownResourceCommands.StartCommand, StartBound);
        await resources.WaitAsync(instance,
            s => s.State?.Text == KnownResourceStates.Running && PlatformResources.ProcessId(s) is { } pid && pid != previous
                && s.HealthStatus == HealthStatus.Healthy,
            StartBound, "run again and become healthy");
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Whether the instance runs now (a failed phase may have left it stopped).</summary>
    public bool IsRunning(string instance) => resources.Snapshot(instance).State?.Text == KnownResourceStates.Running;

    private async Task ExecuteAsync(string instance, string command, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        var result = await commands.ExecuteCommandAsync(instance, command, timeout.Token);
        if (!result.Success)
        {
            throw new InvalidOperationException(
                $"Aspire's '{command}' command on {instance} failed: {result.Message ?? "no message"}; it is {resources.Describe(instance)}.");
        }
    }
}
