using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing.Hosting;

namespace NhiPlatform.Testing.Platform;

/// <summary>
/// The whole platform under the real AppHost (Aspire's testing builder), in a state directory of its own: PostgreSQL
/// and Redis as local processes, every service and sample, <c>endpoints.json</c> and <c>bootstrap.json</c> as
/// ./run.sh writes them. Start it once per collection (<see cref="AppHostPlatformFixture"/>); every wait is bounded.
/// </summary>
public sealed class AppHostPlatform : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly TemporaryDirectory _state;

    private AppHostPlatform(TemporaryDirectory state, DistributedApplication app, EndpointsDocument endpoints)
    {
        _state = state;
        App = app;
        Endpoints = endpoints;
    }

    public DistributedApplication App { get; }

    /// <summary>What the AppHost wrote to <c>endpoints.json</c> once everything was healthy.</summary>
    public EndpointsDocument Endpoints { get; }

    public string StateDirectory => _state.Path;

    public string BootstrapFile => Path.Combine(StateDirectory, BootstrapCredentials.FileName);

    /// <summary>
    /// Starts the AppHost with <c>Nhi:Host:StateDirectory</c> set to a fresh directory, the gateway on a free port, and
    /// <paramref name="settings"/> (<c>Nhi:Host:Demo</c>, ...); <paramref name="configure"/> may change resources before
    /// the build (a service's environment, say); returns once <c>endpoints.json</c> is written.
    /// </summary>
    public static async Task<AppHostPlatform> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, bool dashboard = false,
        Action<IDistributedApplicationTestingBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var state = await TemporaryDirectory.CreateAsync("apphost", timeout.Token);
        DistributedApplication? app = null;
        try
        {
            Dictionary<string, string> all = new(StringComparer.Ordinal)
            {
                ["Nhi:Host:StateDirectory"] = state.Path,
                ["Nhi:Host:GatewayPort"] = "0",
            };
            if (dashboard)
            {
                // Ports of its own, so it runs beside ./run.sh or another test's AppHost; plain HTTP on loopback.
                all["ASPNETCORE_URLS"] = $"http://localhost:{FreePorts.Next()}";
                all["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePorts.Next()}";
                all["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePorts.Next()}";
                all["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            string[] args = [.. all.Select(setting => $"--{setting.Key}={setting.Value}")];
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NhiPlatform_AppHost>(
                args, (options, _) => options.DisableDashboard = !dashboard, timeout.Token);
            if (!dashboard)
            {
                // No dashboard, yet the orchestrator still points every service's telemetry at its address: each stop
                // would wait out the exporter's 10 s flush, longer than the orchestrator waits before it kills the service.
                foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
                {
                    builder.CreateResourceBuilder(project).WithEnvironment(NhiConfigurationKeys.OtlpEndpoint, string.Empty);
                }
            }

            configure?.Invoke(builder);
            app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);
            var endpoints = await WaitForEndpointsAsync(Path.Combine(state.Path, EndpointsDocument.FileName), timeout.Token);
            return new AppHostPlatform(state, app, endpoints);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await DisposeAsync(app, state);
            throw new TimeoutException($"The AppHost did not bring the platform up within {StartTimeout.TotalMinutes:0} min (no endpoints.json in {state.Path}).");
        }
        catch
        {
            await DisposeAsync(app, state);
            throw;
        }
    }

    /// <summary>The first admin identity, written once by the token service (mode 600).</summary>
    public async Task<BootstrapCredentials> ReadBootstrapAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(BootstrapFile);
        return await JsonSerializer.DeserializeAsync(stream, LocalRunJsonContext.Default.BootstrapCredentials, cancellationToken)
            ?? throw new InvalidOperationException($"{BootstrapFile} is empty.");
    }

    public async ValueTask DisposeAsync() => await DisposeAsync(App, _state);

    private static async Task DisposeAsync(DistributedApplication? app, TemporaryDirectory state)
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        state.Dispose();
    }

    private static async Task<EndpointsDocument> WaitForEndpointsAsync(string file, CancellationToken cancellationToken)
    {
        while (!File.Exists(file))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync(stream, LocalRunJsonContext.Default.EndpointsDocument, cancellationToken)
            ?? throw new InvalidOperationException($"{file} is empty.");
    }
}
