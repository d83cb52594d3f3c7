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
            TopologyLog.StartingService(logger, service.Name, service.Url);
            var started = launcher.TimeProvider.GetTimestamp();
            var process = launcher.Start(new ChildProcessSpec
            {
                Name = service.Name,
                FileName = DotnetHost.FileName,
                Arguments = [service.AssemblyPath],
                WorkingDirectory = service.Project.ProjectPath(paths.RepositoryRoot),
                Environment = environment,
                CommandMarker = service.AssemblyPath,
            });
            running.Add(service, process);
            var logFile = paths.Display(launcher.LogFilePath(service.Name));
            await probe.WaitHealthyAsync(service, process, HealthTimeout, logFile, failed.Token);
            TopologyLog.ServiceHealthy(logger, service.Name, launcher.TimeProvider.GetElapsedTime(started).TotalSeconds);
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private static LocalHostException? FirstFailure(IEnumerable<Task> tasks) =>
        tasks.Select(task => task.Exception?.InnerException).OfType<LocalHostException>().FirstOrDefault();
}
