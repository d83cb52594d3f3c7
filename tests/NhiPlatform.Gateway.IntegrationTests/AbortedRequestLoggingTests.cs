using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Testing.Logging;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// Requests broken off halfway (half a body, then the connection closed or reset), through the gateway and straight to
/// the token service: each leaves a short line or two at the levels the services run with, never a stack trace.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AbortedRequestLoggingTests(LocalServersFixture servers) : IAsyncLifetime
{
    /// <summary>The capture writes each value twice (in the message and as structured values): about 300 characters of message.</summary>
    private const int MaxLineLength = 700;
    private readonly CapturingLoggerProvider _logs = new();
    private GatewayTestTopology _topology = null!;

    public async Task InitializeAsync() => _topology = await GatewayTestTopology.StartAsync(servers,
        services => services.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _topology.DisposeAsync();

    [Fact]
    public async Task HalfBody_ThroughTheGateway_LogsShortLinesWithoutStackTraces()
    {
        var token = await _topology.RegisterAndGetTokenAsync(NhiScopes.EchoRead);
        var lines = await CaptureAsync(async () =>
        {
            foreach (var reset in new[] { false, true })
            {
                await AbortingClient.SendHalfBodyAsync(_topology.Gateway.BaseAddress, "POST", "/connect/token", Form, reset: reset);
                await AbortingClient.SendHalfBodyAsync(_topology.Gateway.BaseAddress, "POST", "/svc/echo/upload",
                    new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}", ["Content-Type"] = "application/json" }, reset: reset);
            }
        });

        AssertShortAndCounted(lines, requests: 4);
    }

    [Fact]
    public async Task HalfBody_StraightToTheTokenService_LogsShortLinesWithoutStackTraces()
    {
        var lines = await CaptureAsync(async () =>
        {
            foreach (var reset in new[] { false, true })
            {
                await AbortingClient.SendHalfBodyAsync(_topology.Tokens.BaseAddress, "POST", "/connect/token", Form, reset: reset);
                await AbortingClient.SendHalfBodyAsync(_topology.Tokens.BaseAddress, "POST", "/api/admin/identities",
                    new Dictionary<string, string> { ["Content-Type"] = "application/json" }, reset: reset);
            }
        });

        AssertShortAndCounted(lines, requests: 4);
    }

    private static readonly Dictionary<string, string> Form = new()
    {
        ["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = "Basic YTpi",
    };

    /// <summary>Every line logged while <paramref name="act"/> ran and for a moment after (background lines included).</summary>
    private async Task<List<string>> CaptureAsync(Func<Task> act)
    {
        var before = _logs.Entries.Count;
        await act();
        await Task.Delay(TimeSpan.FromSeconds(2));
        return [.. _logs.Entries.Skip(before).Where(line => !line.Contains(" scope: ", StringComparison.Ordinal))];
    }

    private static void AssertShortAndCounted(List<string> lines, int requests)
    {
        Assert.DoesNotContain(lines, line => line.Contains("   at ", StringComparison.Ordinal));
        var aboutRequests = lines.Where(line => line.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || line.StartsWith("Yarp", StringComparison.Ordinal) || line.StartsWith("NhiPlatform.BrokenOffRequests", StringComparison.Ordinal)).ToList();
        Assert.All(aboutRequests, line => Assert.True(line.Length <= MaxLineLength, $"{line.Length} characters: {line}"));
        // At most one line each from the gateway's proxy and the server that saw the connection end.
        Assert.InRange(aboutRequests.Count, 0, 2 * requests);
    }
}
