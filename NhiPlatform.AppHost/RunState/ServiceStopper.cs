using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace NhiPlatform.AppHost.RunState;

/// <summary>
/// Stops the services gracefully, first, when the AppHost stops: while PostgreSQL and Redis still run, so a service
/// flushes what it holds instead of waiting for servers the orchestrator is stopping at the same moment. A project run
/// under <c>dotnet run</c> (one with no build output, see <c>ProjectLaunch/</c>) is signalled in its child: the wrapper
/// does not pass SIGTERM on.
/// </summary>
internal sealed class ServiceStopper(ResourceNotificationService notifications, TimeProvider time) : BackgroundService, IHostedLifecycleService
{
    /// <summary>The snapshot property with an executable's process id (Aspire's KnownProperties, internal in 13.6).</summary>
    private const string ProcessIdProperty = "executable.pid";

    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, int> _processes = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Resource is not ProjectResource)
                {
                    continue;
                }

                // Only a running process: the id of one that has exited (the seeding step) may belong to another by now.
                if (update.Snapshot.State?.Text == KnownResourceStates.Running
                    && update.Snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value is IConvertible pid)
                {
                    _processes[update.ResourceId] = pid.ToInt32(CultureInfo.InvariantCulture);
                }
                else
                {
                    _processes.TryRemove(update.ResourceId, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StoppingAsync has what it needs.
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var services = _processes.Values.SelectMany(pid => ChildrenOf(pid).DefaultIfEmpty(pid)).Where(IsRunning).ToList();
        if (services.Count == 0)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", .. services.Select(pid => pid.ToString(CultureInfo.InvariantCulture))]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        var started = time.GetTimestamp();
        while (services.Any(IsRunning) && time.GetElapsedTime(started) < StopBudget)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The processes whose parent is <paramref name="parent"/> (/proc/PID/stat's fourth field).</summary>
    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
            {
                yield return pid;
            }
        }
    }

    private static bool IsRunning(int pid) => File.Exists($"/proc/{pid}/stat")
        && !File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2)[1].StartsWith('Z');
}
