using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Logging;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Testing.Logging;
using NhiPlatform.Testing.Platform;

namespace NhiPlatform.Security.Tests.Platform;

/// <summary>
/// The whole platform under the real AppHost (PostgreSQL and Redis as local processes, every service and sample),
/// each service writing its console log at Debug for every category. When the suite is over, every line any
/// resource wrote is scanned for the secrets, tokens and assertions the suite saw.
/// </summary>
public sealed class SecurityPlatform : AppHostPlatformFixture
{
    /// <summary>The token service's abuse limits, pinned here so the brute-force tests know them.</summary>
    public const int FailedAuthenticationsPerClientAndSource = 30;
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromMinutes(1);

    private Task<NhiPlatform.TokenService.Signing.SigningKey>? _signingKey;

    internal ResourceLogs Logs { get; private set; } = null!;
    internal SensitiveValues Sensitive { get; } = new();
    internal EchoRequests EchoRequests { get; private set; } = null!;
    internal PlatformClient Client { get; private set; } = null!;

    /// <summary>The issuer (iss) the token service puts in its tokens and the others check: the gateway's public URL.</summary>
    public string Issuer { get; private set; } = string.Empty;

    internal Uri GatewayAddress => new(Platform.Endpoints.Gateway);

    /// <summary>Every service's own address (each binds a loopback port of its own).</summary>
    internal IReadOnlyList<Uri> ServiceAddresses =>
    [
        GatewayAddress, new(Platform.Endpoints.Tokens), new(Platform.Endpoints.Inventory), new(Platform.Endpoints.Services[NhiResources.Echo]),
    ];

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        builder.WriteConsoleLogsAt(LogLevel.Debug);
        var tokens = builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == NhiResources.Tokens);
        builder.CreateResourceBuilder(tokens)
            .WithEnvironment("Nhi__Tokens__RateLimits__FailedAuthenticationsPerClientAndSource", FailedAuthenticationsPerClientAndSource.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Nhi__Tokens__RateLimits__Window", RateLimitWindow.ToString("c"));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Logs = new ResourceLogs(Platform.App);
        EchoRequests = new EchoRequests(new Uri(Platform.Endpoints.Services[NhiResources.Echo]));
        Client = new PlatformClient(new HttpClient { BaseAddress = GatewayAddress }, Platform.BootstrapFile, Sensitive);
        Sensitive.AddSecret((await Client.ReadBootstrapAsync()).ClientSecret);
        foreach (var secret in SampleSecrets(Platform.StateDirectory))
        {
            Sensitive.AddSecret(secret);
        }

        using var discovery = await Client.Http.GetAsync("/.well-known/oauth-authorization-server");
        discovery.EnsureSuccessStatusCode();
        Issuer = JsonDocument.Parse(await discovery.Content.ReadAsStringAsync()).RootElement.GetProperty("issuer").GetString()!;
    }

    /// <summary>The token service's signing key, opened once for the suite (nothing in it rotates keys).</summary>
    internal Task<NhiPlatform.TokenService.Signing.SigningKey> SigningKeyAsync() => _signingKey ??= SigningKeyReader.ReadCurrentAsync(this);

    /// <summary>A client of the gateway whose connections come from <paramref name="source"/> (see <see cref="SourceAddressClient"/>).</summary>
    internal PlatformClient ClientFrom(IPAddress source, TimeSpan? timeout = null) =>
        Client.WithHttp(SourceAddressClient.Create(GatewayAddress, source, timeout));

    /// <summary>The value of one of the AppHost's parameters (a generated secret, say), as the services receive it.</summary>
    internal async Task<string> ParameterAsync(string name)
    {
        var model = Platform.App.Services.GetRequiredService<DistributedApplicationModel>();
        var parameter = model.Resources.OfType<ParameterResource>().Single(resource => resource.Name == name);
        return await parameter.GetValueAsync(CancellationToken.None) ?? throw new InvalidOperationException($"The parameter {name} has no value.");
    }

    public override async Task DisposeAsync()
    {
        Client?.Http.Dispose();
        string[] lines = [];
        if (IsStarted)
        {
            // The last word on the logs: every line of every resource, the services stopped first (nothing left unwritten).
            var commands = Platform.App.Services.GetRequiredService<ResourceCommandService>();
            foreach (var service in Platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
            {
                await commands.ExecuteCommandAsync(service, KnownResourceCommands.StopCommand);
            }

            lines = [.. (await Logs.ReadAllAsync()).Select(line => $"{line.Resource}: {line.Text}")];
        }

        await base.DisposeAsync();
        if (lines.Length == 0)
        {
            throw new InvalidOperationException("No log line was read: the scan would pass without looking at anything.");
        }

        var hits = LogScanner.Scan(lines, Sensitive);
        if (hits.Count > 0)
        {
            throw new InvalidOperationException(
                $"{hits.Count} log line(s) hold a secret, token or assertion:{Environment.NewLine}{string.Join(Environment.NewLine, hits.Take(20))}");
        }
    }

    /// <summary>The samples' client secrets, from the credentials files the seeding step wrote.</summary>
    private static IEnumerable<string> SampleSecrets(string stateDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(stateDirectory, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("clientSecret", out var secret) && secret.GetString() is { Length: > 0 } value)
            {
                yield return value;
            }
        }
    }
}
