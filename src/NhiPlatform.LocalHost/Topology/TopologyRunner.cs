using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.LocalHost.Cli;
using NhiPlatform.LocalHost.LocalRun;
using NhiPlatform.LocalHost.Postgres;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.LocalHost.Redis;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>
/// One run of the local topology, in the AppHost's order: PostgreSQL (<c>nhidb</c>) and Redis (<c>cache</c>), then
/// tokens, inventory, echo and the gateway; <c>endpoints.json</c> once all are healthy; on stop, every child, then
/// the servers, and <c>endpoints.json</c> is removed.
/// </summary>
internal sealed class TopologyRunner(
    LocalHostOptions options, LocalRunPaths paths, ILoggerFactory loggerFactory, TimeProvider timeProvider)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<TopologyRunner>();

    public async Task<int> RunAsync(CancellationToken stopping)
    {
        paths.CreateDirectories();
        using var runLock = RunLock.TryAcquire(paths, out var holder);
        if (runLock is null)
        {
            TopologyLog.AlreadyRunning(_logger, holder);
            return ExitCodes.Failure;
        }

        // A LocalHost killed without cleanup leaves an endpoints.json that names dead ports.
        EndpointsFile.Delete(paths.EndpointsFile);
        var pidFile = new PidFile(paths.PidFile);
        var launcher = new ChildProcessLauncher(
            paths.LogsDirectory, echoToConsole: true, pidFile, timeProvider, loggerFactory.CreateLogger<ChildProcessLauncher>());
        var running = new RunningTopology(launcher);
        try
        {
            var cleaner = new LeftoverProcessCleaner(pidFile, timeProvider, loggerFactory.CreateLogger<LeftoverProcessCleaner>());
            var leftovers = await cleaner.StopLeftoversAsync(stopping);
            if (leftovers > 0)
            {
                TopologyLog.LeftoversStopped(_logger, leftovers);
            }

            LogFiles.Rotate(paths.LogsDirectory);
            var started = timeProvider.GetTimestamp();
            var plan = TopologyPlan.Create(options, paths);
            if (options.GatewayPort is null && plan.Gateways[0].Port != LocalHostOptions.DefaultGatewayPort)
            {
                TopologyLog.DefaultGatewayPortInUse(_logger, LocalHostOptions.DefaultGatewayPort, plan.Gateways[0].Port);
            }

            var backing = await StartBackingServersAsync(running, launcher, stopping);
            // Loopback only: never through a proxy from the environment.
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            var starter = new ServiceStarter(
                launcher, new HealthProbe(http, timeProvider), paths, loggerFactory.CreateLogger<ServiceStarter>());
            await starter.StartAllAsync(plan, backing, running, stopping);

            var endpoints = EndpointsDocumentFactory.Create(plan, backing);
            await EndpointsFile.WriteAsync(paths.EndpointsFile, endpoints, stopping);
            Console.Out.WriteLine(StartupSummary.Format(plan, endpoints, paths, timeProvider.GetElapsedTime(started)));
            await running.WatchAsync(
                (service, process) => TopologyLog.ServiceExited(
                    _logger, service.Name, process.ExitCode ?? -1, paths.Display(launcher.LogFilePath(service.Name))),
                stopping);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (LocalHostException ex)
        {
            TopologyLog.StartFailed(_logger, ex.Message);
            return ExitCodes.Failure;
        }
        finally
        {
            TopologyLog.Stopping(_logger);
            EndpointsFile.Delete(paths.EndpointsFile);
            await running.StopAsync();
            pidFile.Delete();
            TopologyLog.Stopped(_logger);
        }
    }

    private async Task<BackingConnections> StartBackingServersAsync(
        RunningTopology running, ChildProcessLauncher launcher, CancellationToken stopping)
    {
        var postgres = new PostgresServer(
            new PostgresServerOptions { DataDirectory = paths.PostgresDirectory, Name = NhiResources.Postgres },
            launcher,
            loggerFactory.CreateLogger<PostgresServer>());
        var redis = new RedisServer(
            new RedisServerOptions { DataDirectory = paths.RedisDirectory },
            launcher,
            loggerFactory.CreateLogger<RedisServer>());
        running.Postgres = postgres;
        running.Redis = redis;

        async Task StartPostgresAsync()
        {
            await postgres.StartAsync(stopping);
            await postgres.CreateDatabaseIfMissingAsync(NhiResources.Database, stopping);
        }

        await Task.WhenAll(StartPostgresAsync(), redis.StartAsync(stopping));
        return new BackingConnections(
            postgres.ConnectionString(NhiResources.Database), redis.ConnectionString, postgres.Port, redis.Port);
    }
}
