using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts;
using NhiPlatform.Testing.Platform;

namespace NhiPlatform.Faults.Tests.Platform;

/// <summary>
/// The platform as the suite sees it: the AppHost's resources (states, console logs, stop and start), the gateway's
/// public address and each replica's own, and what the checks read directly: the database, Redis and the gateways'
/// shared spill directory, each as the AppHost gives it to the services.
/// </summary>
internal sealed class FaultPlatform : IAsyncDisposable
{
    private const string ServiceDefaultsHealthPath = "/health";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _replicaAddresses = new(StringComparer.Ordinal);
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(60);

    private static readonly string SpillDirectoryVariable =
        NhiConfigurationKeys.ToEnvironmentVariable($"{NhiConfigurationKeys.GatewaySection}:Usage:SpillDirectory");

    private FaultPlatform(AppHostPlatform host, PlatformResources resources, ResourceLogs logs)
    {
        Host = host;
        Resources = resources;
        Logs = logs;
        Faults = new ResourceFaults(host.App.ResourceCommands, resources);
    }

    public AppHostPlatform Host { get; }

    public PlatformResources Resources { get; }

    public ResourceLogs Logs { get; }

    public ResourceFaults Faults { get; }

    public required string DatabaseConnectionString { get; init; }

    public required string CacheConnectionString { get; init; }

    /// <summary>Where every replica spills usage events while Redis is away: one directory, the same environment for all.</summary>
    public required string SpillDirectory { get; init; }

    /// <summary>The gateway's public address: the orchestrator's proxy, which spreads connections over the replicas.</summary>
    public Uri Gateway => new(Host.Endpoints.Gateway);

    public IReadOnlyList<string> GatewayInstances => Resources.Instances(NhiResources.Gateway);

    public static async Task<FaultPlatform> StartAsync(AppHostPlatform host, CancellationToken cancellationToken)
    {
        var resources = new PlatformResources(host.App.ResourceNotifications);
        var logs = new ResourceLogs(host.App.ResourceNotifications, host.App.Services.GetRequiredService<ResourceLoggerService>());
        try
        {
            var gateways = await resources.WaitForInstancesAsync(NhiResources.Gateway, FaultPlatformFixture.GatewayReplicas, ReadyBound);
            return new FaultPlatform(host, resources, logs)
            {
                DatabaseConnectionString = await ConnectionStringAsync(host.App, NhiResources.Postgres, cancellationToken),
                CacheConnectionString = await ConnectionStringAsync(host.App, NhiResources.Cache, cancellationToken),
                SpillDirectory = resources.Environment(gateways[0], SpillDirectoryVariable)
                    ?? throw new InvalidOperationException($"{gateways[0]} has no {SpillDirectoryVariable} in its environment."),
            };
        }
        catch
        {
            await logs.DisposeAsync();
            await resources.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A replica's own address (the port it binds behind the proxy), as the orchestrator set it in its environment. A
    /// snapshot taken while a restarted replica starts may carry no environment yet: the address it had is kept.
    /// </summary>
    public Uri ReplicaAddress(string instance)
    {
        if (Resources.Environment(instance, "ASPNETCORE_URLS")?.Split(';').Select(url => new Uri(url)).FirstOrDefault(url => url.Scheme == Uri.UriSchemeHttp) is { } address)
        {
            _replicaAddresses[instance] = address;
            return address;
        }

        return _replicaAddresses.TryGetValue(instance, out var known)
            ? known
            : throw new InvalidOperationException($"{instance} has no http address in ASPNETCORE_URLS.");
    }

    /// <summary>Starts a stopped gateway replica and waits until that replica itself answers <c>/health</c>.</summary>
    public async Task<TimeSpan> StartGatewayReplicaAsync(string instance)
    {
        var started = TimeProvider.System.GetTimestamp();
        await Faults.StartAsync(instance);
        using var http = new HttpClient { BaseAddress = ReplicaAddress(instance), Timeout = TimeSpan.FromSeconds(5) };
        string? last = null;
        while (TimeProvider.System.GetElapsedTime(started) < ReadyBound)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(ServiceDefaultsHealthPath, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return TimeProvider.System.GetElapsedTime(started);
                }

                last = $"{(int)response.StatusCode}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                last = exception.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"{instance} did not answer {ServiceDefaultsHealthPath} at {http.BaseAddress} within {ReadyBound.TotalSeconds:0} s (last: {last}).");
    }

    public async ValueTask DisposeAsync()
    {
        await Logs.DisposeAsync();
        await Resources.DisposeAsync();
    }

    private static async Task<string> ConnectionStringAsync(DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        await app.GetConnectionStringAsync(resource, cancellationToken)
        ?? throw new InvalidOperationException($"The AppHost gives no connection string for '{resource}'.");
}
