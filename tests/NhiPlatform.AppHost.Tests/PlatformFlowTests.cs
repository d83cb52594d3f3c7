using System.Net;
using System.Text.Json;
using NhiPlatform.Testing.Platform;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// The whole platform under the real AppHost, as ./run.sh starts it: a workload's calls through the gateway over real
/// HTTP, and the inventory's record of them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PlatformFlowTests(PlatformFixture fixture)
{
    private static readonly TimeSpan UsageTimeout = TimeSpan.FromSeconds(10);
    private readonly AppHostPlatform _platform = fixture.Platform;

    [Fact]
    public async Task EchoThroughGateway_AllowedMissingAndWrongScope_AnsweredAndRecorded()
    {
        var cancellationToken = CancellationToken.None;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(_platform.Endpoints.Gateway) };
        var gateway = new GatewayClient(http);
        var bootstrap = await _platform.ReadBootstrapAsync(cancellationToken);
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

    }

    private static string? ClientIdOf(JsonElement item) =>
        item.TryGetProperty("clientId", out var clientId) && clientId.ValueKind == JsonValueKind.String
            ? clientId.GetString()
            : null;
}
