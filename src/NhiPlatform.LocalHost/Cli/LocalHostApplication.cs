using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using NhiPlatform.LocalHost.LocalRun;
using NhiPlatform.LocalHost.Output;
using NhiPlatform.LocalHost.Topology;

namespace NhiPlatform.LocalHost.Cli;

/// <summary>A run: Ctrl+C, SIGTERM and SIGHUP all mean "stop everything and exit 0".</summary>
internal static class LocalHostApplication
{
    public static async Task<int> RunAsync(LocalHostOptions options)
    {
        using var loggerFactory = LocalHostLogging.Create();
        var logger = loggerFactory.CreateLogger(typeof(LocalHostApplication));
        using var stopping = new CancellationTokenSource();
        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                if (!stopping.IsCancellationRequested)
                {
                    CliLog.StopRequested(logger, context.Signal.ToString());
                    stopping.Cancel();
                }
            }))
            .ToList();
        try
        {
            var paths = LocalRunPaths.Create(RepositoryRoot.Find(), options.StateDirectory, options.DataDirectory);
            var runner = new TopologyRunner(options, paths, loggerFactory, TimeProvider.System);
            return await runner.RunAsync(stopping.Token);
        }
        catch (LocalHostException ex)
        {
            CliLog.Failed(logger, ex.Message);
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            CliLog.UnexpectedError(logger, ex);
            return ExitCodes.Failure;
        }
        finally
        {
            registrations.ForEach(registration => registration.Dispose());
        }
    }
}
