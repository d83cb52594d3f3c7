using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts;
using NhiPlatform.Testing.Platform;

namespace NhiPlatform.AppHost.Tests;

/// <summary>Under the AppHost, each service's process is the service itself, started from its build output.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ServiceProcessTests(PlatformFixture fixture)
{
    private readonly AppHostPlatform _platform = fixture.Platform;

    [Theory]
    [InlineData(NhiResources.Tokens, "NhiPlatform.TokenService")]
    [InlineData(NhiResources.Gateway, "NhiPlatform.Gateway")]
    [InlineData(NhiResources.Orders, "NhiPlatform.Samples.Orders")]
    public async Task Service_RunsItsBuiltAssembly_NotDotnetRun(string resource, string assembly)
    {
        var notifications = _platform.App.Services.GetRequiredService<ResourceNotificationService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = await notifications.WaitForResourceAsync(
            resource, update => update.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(update.Snapshot) is not null, timeout.Token);

        var commandLine = (await File.ReadAllTextAsync($"/proc/{ProcessId(running.Snapshot)}/cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith("/dotnet", commandLine[0], StringComparison.Ordinal);
        Assert.EndsWith($"/bin/{Testing.RepositoryLayout.BuildConfiguration}/net10.0/{assembly}.dll", commandLine[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NamesTheInstanceTheAppHostStarted()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(new Uri(_platform.Endpoints.Gateway), "/health"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues(NhiConfigurationKeys.InstanceHeader)));
    }

    /// <summary>The snapshot property with an executable's process id (Aspire's KnownProperties, internal in 13.6).</summary>
    private static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is IConvertible pid
            ? pid.ToInt32(CultureInfo.InvariantCulture)
            : null;
}
