using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Testing.Hosting;

namespace NhiPlatform.Faults.Tests.Topology;

/// <summary>
/// A service on a fixed loopback port that can be stopped gracefully and started again with the same settings: every
/// other service keeps its address for it, as behind a real service-discovery entry.
/// </summary>
internal sealed class RestartableService<TEntryPoint>(
    string name, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> configureServices) : IAsyncDisposable
    where TEntryPoint : class
{
    private ServiceHost<TEntryPoint>? _host;

    public string Name { get; } = name;

    public int Port { get; } = FreePorts.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool IsRunning => _host is not null;

    /// <summary>Starts the service on its port (off the caller's thread: start-up blocks until Kestrel listens).</summary>
    public async Task StartAsync()
    {
        if (_host is not null)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        var host = new ServiceHost<TEntryPoint>(settings, configureServices, Port);
        try
        {
            await Task.Run(host.Start);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        _host = host;
    }

    /// <summary>Graceful stop: in-flight requests finish and hosted services run their StopAsync (the gateway drains its usage queue).</summary>
    public async Task StopAsync()
    {
        var host = Interlocked.Exchange(ref _host, null);
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
