using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Inventory.Ingestion;
using NhiPlatform.Samples.Echo.Apis;
using NhiPlatform.Security.Tests.Logging;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Testing.Logging;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.Security.Tests.Platform;

/// <summary>
/// The whole platform on real PostgreSQL and Redis of its own: token service, inventory, echo sample and gateway, each
/// on Kestrel, wired by the keys the hosts set, every one logging at Trace into one <see cref="CapturingLoggerProvider"/>.
/// When the suite is over, every captured line is scanned for the secrets, tokens and assertions it saw.
/// </summary>
public sealed class SecurityPlatform : IAsyncLifetime
{
    public const string Issuer = "https://gateway.test";

    private readonly LocalServersFixture _servers = new();
    private readonly List<IAsyncDisposable> _hosts = [];

    internal CapturingLoggerProvider Logs { get; } = new();
    internal SensitiveValues Sensitive { get; } = new();
    internal RequestRecorder EchoRequests { get; } = new();
    internal ServiceHost<TokenServiceOptions> Tokens { get; private set; } = null!;
    internal ServiceHost<IngestionOptions> Inventory { get; private set; } = null!;
    internal ServiceHost<EchoResponse> Echo { get; private set; } = null!;
    internal ServiceHost<UsageOptions> Gateway { get; private set; } = null!;
    internal PlatformClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _servers.InitializeAsync();
        var environment = await _servers.CreateEnvironmentAsync(CancellationToken.None);
        var bootstrapFile = Path.Combine(Directory.CreateTempSubdirectory("nhi-security-").FullName, BootstrapCredentials.FileName);
        var backing = new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
        };
        Tokens = Start(new ServiceHost<TokenServiceOptions>(
            With(backing, new() { [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrapFile }), Capture));
        var tokensAddress = Address(Tokens);
        Inventory = Start(new ServiceHost<IngestionOptions>(With(backing, new()
        {
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = tokensAddress,
            // Pub/sub channels are global to the Redis server: this platform's live updates on a channel of its own.
            ["Nhi:Inventory:Live:Channel"] = $"nhi:inventory:changes:{Guid.NewGuid():N}",
        }), Capture));
        Echo = Start(new ServiceHost<EchoResponse>(new Dictionary<string, string?>(), services =>
        {
            Capture(services);
            services.AddSingleton<IStartupFilter>(EchoRequests);
        }));
        Gateway = Start(new ServiceHost<UsageOptions>(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = tokensAddress,
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Inventory)] = Address(Inventory),
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Echo)] = Address(Echo),
            // No order or billing samples here: a closed port, so their routes resolve but are never reached.
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Orders)] = "http://127.0.0.1:9",
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Billing)] = "http://127.0.0.1:9",
            [$"{NhiConfigurationKeys.GatewaySection}:Usage:SpillDirectory"] = Directory.CreateTempSubdirectory("nhi-security-spill-").FullName,
        }, Capture));
        Client = new PlatformClient(Gateway.CreateLoopbackClient(), bootstrapFile, Sensitive);
        Sensitive.AddSecret((await Client.ReadBootstrapAsync()).ClientSecret);
    }

    /// <summary>A client of the gateway whose connections come from <paramref name="source"/> (see <see cref="SourceAddressClient"/>).</summary>
    internal PlatformClient ClientFrom(IPAddress source, TimeSpan? timeout = null) =>
        Client.WithHttp(SourceAddressClient.Create(Gateway.BaseAddress, source, timeout));

    public async Task DisposeAsync()
    {
        Client?.Http.Dispose();
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        await _servers.DisposeAsync();

        // The last word on the logs: every line of the whole suite, with every host stopped (nothing left unwritten).
        if (Logs.Entries.Count == 0)
        {
            throw new InvalidOperationException("No log line was captured: the scan would pass without looking at anything.");
        }

        var hits = LogScanner.Scan(Logs.Entries, Sensitive);
        if (hits.Count > 0)
        {
            throw new InvalidOperationException(
                $"{hits.Count} captured log line(s) hold a secret, token or assertion:{Environment.NewLine}{string.Join(Environment.NewLine, hits.Take(20))}");
        }
    }

    private void Capture(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        // A rule for this provider alone beats the hosts' category rules: it sees everything, the console does not.
        services.Configure<LoggerFilterOptions>(options => options.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
    }

    private ServiceHost<T> Start<T>(ServiceHost<T> host) where T : class
    {
        _hosts.Add(host);
        host.Start();
        return host;
    }

    private static string Address<T>(ServiceHost<T> host) where T : class => host.BaseAddress.ToString().TrimEnd('/');

    private static Dictionary<string, string?> With(Dictionary<string, string?> common, Dictionary<string, string?> own) =>
        new(common.Concat(own));
}
