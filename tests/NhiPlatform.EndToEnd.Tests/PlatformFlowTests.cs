using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;

namespace NhiPlatform.EndToEnd.Tests;

/// <summary>
/// The whole platform as a developer runs it: the LocalHost as a process (as ./run.sh starts it) in a state
/// directory of its own, then a workload's calls through the gateway over real HTTP, the inventory's record of
/// them, and a SIGTERM that must leave no process behind.
/// </summary>
public sealed class PlatformFlowTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan UsageTimeout = TimeSpan.FromSeconds(10);
    private TemporaryDirectory _state = null!;
    private LocalHostProcess _host = null!;
    private EndpointsDocument _endpoints = null!;

    public async Task InitializeAsync()
    {
        _state = await TemporaryDirectory.CreateAsync("e2e", CancellationToken.None);
        _host = LocalHostProcess.Start(_state, "--gateway-port", "0", "--configuration", RepositoryLayout.BuildConfiguration);
        _endpoints = await _host.WaitForEndpointsAsync(StartTimeout, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task EchoThroughGateway_AllowedMissingAndWrongScope_AnsweredRecordedAndStopLeavesNoProcess()
    {
        var cancellationToken = CancellationToken.None;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(_endpoints.Gateway) };
        var gateway = new GatewayClient(http);
        var bootstrap = await ReadBootstrapAsync(cancellationToken);
        var admin = await gateway.RequestTokenAsync(bootstrap.ClientId, bootstrap.ClientSecret, "nhi.admin nhi.read", cancellationToken);
        var reader = await gateway.CreateIdentityAsync(admin, "e2e-echo", "echo.read", cancellationToken);
        var writer = await gateway.CreateIdentityAsync(admin, "e2e-echo", "echo.write", cancellationToken);
        var segment = $"e2e-{Guid.NewGuid():N}";
        var path = "/svc/echo/" + segment;

        var readerToken = await gateway.RequestTokenAsync(reader.ClientId, reader.ClientSecret, "echo.read", cancellationToken);
        using (var allowed = await gateway.GetAsync(path, readerToken, cancellationToken))
        {
            var echo = await GatewayClient.ReadJsonAsync(allowed, HttpStatusCode.OK, cancellationToken);
            Assert.Equal("GET", echo.GetProperty("method").GetString());
            Assert.Equal("/" + segment, echo.GetProperty("path").GetString());
            var identity = echo.GetProperty("identity");
            Assert.Equal(reader.ClientId, identity.GetProperty("clientId").GetString());
            Assert.Equal("echo.read", identity.GetProperty("scopes").GetString());
            Assert.False(string.IsNullOrEmpty(identity.GetProperty("tokenId").GetString()));
        }

        using (var anonymous = await gateway.GetAsync(path, bearerToken: null, cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains(anonymous.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        }

        var writerToken = await gateway.RequestTokenAsync(writer.ClientId, writer.ClientSecret, "echo.write", cancellationToken);
        using (var forbidden = await gateway.GetAsync(path, writerToken, cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Contains(
                forbidden.Headers.WwwAuthenticate,
                challenge => challenge.Scheme == "Bearer"
                    && (challenge.Parameter ?? string.Empty).Contains("error=\"insufficient_scope\"", StringComparison.Ordinal));
        }

        var usage = await gateway.WaitForUsageAsync(admin, path, count: 3, UsageTimeout, cancellationToken);
        Assert.Equal(3, usage.Count);
        var byStatus = usage.ToDictionary(item => item.GetProperty("status").GetInt32(), ClientIdOf);
        Assert.Equal([200, 401, 403], byStatus.Keys.Order());
        Assert.Equal(reader.ClientId, byStatus[200]);
        Assert.Null(byStatus[401]);
        Assert.Equal(writer.ClientId, byStatus[403]);

        await StopAndAssertNothingLeftAsync();
    }

    private async Task StopAndAssertNothingLeftAsync()
    {
        var children = _host.ReadChildren();
        // postgres, redis, tokens, inventory, echo, billing, gateway, the samples' seeding (exited) and orders.
        Assert.Equal(9, children.Count);

        var exitCode = await _host.StopAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"The LocalHost exited with {exitCode}:{Environment.NewLine}{_host.Output}");
        Assert.DoesNotContain(children, child => child.IsAlive());
        Assert.False(File.Exists(Path.Combine(_state.Path, EndpointsDocument.FileName)));
    }

    private async Task<BootstrapCredentials> ReadBootstrapAsync(CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(_state.Path, BootstrapCredentials.FileName));
        return await JsonSerializer.DeserializeAsync(stream, LocalRunJsonContext.Default.BootstrapCredentials, cancellationToken)
            ?? throw new InvalidOperationException("bootstrap.json is empty.");
    }

    private static string? ClientIdOf(JsonElement item) =>
        item.TryGetProperty("clientId", out var clientId) && clientId.ValueKind == JsonValueKind.String
            ? clientId.GetString()
            : null;
}
