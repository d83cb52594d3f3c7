using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// The whole Aspire topology, started once for <see cref="AppHostTests"/>: the PostgreSQL and Redis containers (so it
/// needs Docker), then every service, each awaited until its health check passes.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    /// <summary>Generous: a first run pulls the PostgreSQL and Redis images.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] ResourceNames =
    [
        NhiResources.Postgres, NhiResources.Database, NhiResources.Cache,
        NhiResources.Tokens, NhiResources.Inventory, NhiResources.Echo, NhiResources.Gateway,
    ];

    private DistributedApplication? _app;
    private string? _bootstrapCredentialsFile;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NhiPlatform_AppHost>(timeout.Token);
        _bootstrapCredentialsFile = Extensions.BootstrapCredentialsFile(appHost.AppHostDirectory);
        _app = await appHost.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resourceName in ResourceNames)
        {
            await WaitUntilHealthyAsync(resourceName, timeout.Token);
        }
    }

    /// <summary>The first admin identity, which the token service writes once, on first start.</summary>
    public async Task<BootstrapCredentials> ReadBootstrapCredentialsAsync(CancellationToken cancellationToken)
    {
        var file = _bootstrapCredentialsFile ?? throw new InvalidOperationException("The AppHost has not started.");
        while (!File.Exists(file))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync(stream, LocalRunJsonContext.Default.BootstrapCredentials, cancellationToken)
            ?? throw new InvalidDataException($"{file} holds no credentials.");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task WaitUntilHealthyAsync(string resourceName, CancellationToken cancellationToken)
    {
        try
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Resource '{resourceName}' was not healthy within {StartTimeout}.");
        }
    }
}
