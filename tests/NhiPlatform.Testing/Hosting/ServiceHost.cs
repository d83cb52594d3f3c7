using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts;

namespace NhiPlatform.Testing.Hosting;

/// <summary>
/// A real service (its own <c>Program</c>) on Kestrel at loopback port 0, configured with the same keys a host
/// would set, so tests talk to it over real HTTP. <typeparamref name="TEntryPoint"/> is any type of the service's
/// assembly, which lets one test start several services.
/// </summary>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly int _port;

    /// <param name="settings">Configuration, as a host would set it.</param>
    /// <param name="configureServices">Service overrides (a fake clock, say).</param>
    /// <param name="port">A fixed loopback port, when the service must know its own URL before it starts; 0 for any.</param>
    public ServiceHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null, int port = 0)
    {
        _settings = settings;
        _configureServices = configureServices;
        _port = port;
        // The address comes from the urls setting: UseKestrel(port) rewrites the server's addresses after Build, which
        // races with Kestrel binding on minimal-hosting apps ("Addresses cannot be modified after the server has started").
        UseKestrel();
    }

    /// <summary>The key-encryption key every test host gets (a test of the key ring's protection sets its own).</summary>
    public const string TestKeyEncryptionKey = "nhi-test-key-encryption-key-0123456789abcdef";

    /// <summary>The service's base address, e.g. <c>http://127.0.0.1:41234</c>, once started.</summary>
    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    /// <summary>Starts the service and waits until it listens.</summary>
    public void Start() => StartServer();

    /// <summary>A client with no redirects or cookies, aimed at <see cref="BaseAddress"/>.</summary>
    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", $"http://127.0.0.1:{_port}");
        // Production refuses an unencrypted key ring; every test host shares one key-encryption key (settings may override).
        builder.UseSetting(NhiConfigurationKeys.KeyEncryptionKey, TestKeyEncryptionKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }
}
