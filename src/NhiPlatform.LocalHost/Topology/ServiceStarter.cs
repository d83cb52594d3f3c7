using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.LocalHost.LocalRun;
using NhiPlatform.LocalHost.Processes;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>
/// Starts each service as soon as the services it depends on are healthy (tokens and echo together, inventory after
/// tokens, the gateways after all three), and waits for its own <c>/health</c>. The first failure stops the rest.
/// </summary>
internal sealed class ServiceStarter(
    ChildProcessLauncher launcher, HealthProbe probe, LocalRunPaths paths, ILogger<ServiceStarter> logger)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    public async Task StartAllAsync(
        TopologyPlan plan, BackingConnections backing, RunningTopology running, CancellationToken stopping)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var otlpEndpoint = Environment.GetEnvironmentVariable(NhiConfigurationKeys.OtlpEndpoint);
        var tasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var service in plan.Services)
        {
            var dependencies = service.DependsOn.Select(name => tasks[name]).ToArray();
            var environment = ServiceEnvironment.For(service, plan, backing, otlpEndpoint);
            tasks[service.Name] = StartAsync(service, environment, dependencies, running, failed);
        }

        try
        {
            await Task.WhenAll(tasks.Values);
        }
        catch when (FirstFailure(tasks.Values) is { } failure)
        {
            throw failure;
        }
    }

    private async Task StartAsync(
        PlannedService service,
        IReadOnlyDictionary<string, string> environment,
        Task[] dependencies,
        RunningTopology running,
        CancellationTokenSource failed)
    {
        try
        {
            await Task.WhenAll(dependencies);
            failed.Token.ThrowIfCancellationRequested();
            TopologyLog.StartingService(logger, service.Name, service.RunsToCompletion ? "(a one-shot step)" : service.Url);
            var started = launcher.TimeProvider.GetTimestamp();
            var process = launcher.Start(new ChildProcessSpec
            {
                Name = service.Name,
                FileName = DotnetHost.FileName,
                Arguments = [service.AssemblyPath, .. service.Arguments],
                WorkingDirectory = service.Project.ProjectPath(paths.RepositoryRoot),
                Environment = environment,
                CommandMarker = service.AssemblyPath,
            });
            var logFile = paths.Display(launcher.LogFilePath(service.Name));
            if (service.RunsToCompletion)
            {
                await WaitCompletedAsync(service, process, logFile, failed.Token);
                return;
            }

            running.Add(service, process);
            await probe.WaitHealthyAsync(service, process, HealthTimeout, logFile, failed.Token);
            TopologyLog.ServiceHealthy(logger, service.Name, launcher.TimeProvider.GetElapsedTime(started).TotalSeconds);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    /// <summary>A one-shot step must exit 0 in time; it is stopped if the LocalHost stops meanwhile.</summary>
    private async Task WaitCompletedAsync(PlannedService service, ChildProcess process, string logFile, CancellationToken cancellationToken)
    {
        try
        {
            await process.Exited.WaitAsync(HealthTimeout, launcher.TimeProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            await launcher.StopAsync(process, TimeSpan.FromSeconds(2));
            if (exception is TimeoutException)
            {
                throw new LocalHostException($"{service.Name} did not finish within {HealthTimeout.TotalSeconds:0} s; see {logFile}.");
            }

            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new LocalHostException($"{service.Name} failed (exit code {process.ExitCode}); see {logFile}.");
        }
    }

    private static LocalHostException? FirstFailure(IEnumerable<Task> tasks) =>
        tasks.Select(task => task.Exception?.InnerException).OfType<LocalHostException>().FirstOrDefault();
}
