using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NhiPlatform.AppHost.ProjectLaunch;
using NhiPlatform.Contracts;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// Seen: with another clone's gateway on the port, start-up took that gateway's health answer for its own. The run's
/// health check now accepts only the instance it started (its name in the answer), over real HTTP.
/// </summary>
public sealed class InstanceHealthCheckTests
{
    private const string Instance = "3f2b0c";

    [Fact]
    public async Task AnotherProcessAnsweringHealthy_IsNotOurs()
    {
        await using var impostor = await StartAsync(context => context.Response.WriteAsync("Healthy"));

        var result = await CheckAsync(impostor.Address);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("answered by another process, not the gateway this AppHost started", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherInstanceOfTheService_IsNotOurs()
    {
        await using var other = await StartAsync(context =>
        {
            context.Response.Headers[NhiConfigurationKeys.InstanceHeader] = "another-run";
            return context.Response.WriteAsync("Healthy");
        });

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(other.Address)).Status);
    }

    [Fact]
    public async Task OurInstance_Healthy_OrSaysWhatItAnswered()
    {
        var status = StatusCodes.Status200OK;
        await using var ours = await StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers[NhiConfigurationKeys.InstanceHeader] = Instance;
            return context.Response.WriteAsync("Healthy");
        });

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(ours.Address)).Status);
        status = StatusCodes.Status503ServiceUnavailable;
        var unhealthy = await CheckAsync(ours.Address);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.EndsWith("answered 503", unhealthy.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListening_DoesNotAnswer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CheckAsync(new Uri($"http://127.0.0.1:{port}"));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("does not answer", result.Description, StringComparison.Ordinal);
    }

    private static async Task<HealthCheckResult> CheckAsync(Uri server)
    {
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var check = new InstanceHealthCheck(NhiResources.Gateway, () => new Uri(server, "/health"), Instance, services.GetRequiredService<IHttpClientFactory>());
        return await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
    }

    private static async Task<Server> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Server(app, new Uri(address));
    }

    private sealed record Server(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
