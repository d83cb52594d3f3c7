using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts;
using NhiPlatform.Testing.Platform;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// Telemetry reaches the Aspire dashboard: one request through the gateway to the echo sample is one trace on the
/// dashboard, with spans from both services (read through the dashboard's telemetry API, as an operator's tools do).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TelemetryTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RequestThroughGateway_OneTraceOnTheDashboard_SpansGatewayAndEcho()
    {
        var platform = fixture.Platform;
        var cancellationToken = CancellationToken.None;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(platform.Endpoints.Gateway) };
        var gateway = new GatewayClient(http);
        var bootstrap = await platform.ReadBootstrapAsync(cancellationToken);
        var admin = await gateway.RequestTokenAsync(bootstrap.ClientId, bootstrap.ClientSecret, "nhi.admin nhi.read", cancellationToken);
        var reader = await gateway.CreateIdentityAsync(admin, "telemetry-echo", "echo.read", cancellationToken);
        var token = await gateway.RequestTokenAsync(reader.ClientId, reader.ClientSecret, "echo.read", cancellationToken);

        // The caller starts the trace (W3C traceparent); the gateway and the echo service continue it.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/svc/echo/traced");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using (var response = await http.SendAsync(request, cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var services = await WaitForTraceAsync(platform, traceId, [NhiResources.Gateway, NhiResources.Echo]);

        Assert.Contains(NhiResources.Gateway, services);
        Assert.Contains(NhiResources.Echo, services);
    }

    /// <summary>The service names with a span in the trace, polled until all of <paramref name="expected"/> appear or the deadline passes.</summary>
    private static async Task<HashSet<string>> WaitForTraceAsync(AppHostPlatform platform, string traceId, string[] expected)
    {
        var dashboard = platform.Endpoints.Dashboard ?? throw new InvalidOperationException("endpoints.json names no dashboard.");
        using var api = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(dashboard) };
        if (platform.App.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"] is { Length: > 0 } key)
        {
            api.DefaultRequestHeaders.Add("x-api-key", key);
        }

        using var timeout = new CancellationTokenSource(Deadline);
        HashSet<string> services = [];
        var last = string.Empty;
        while (!timeout.IsCancellationRequested)
        {
            try
            {
                using var response = await api.GetAsync($"/api/telemetry/spans?traceId={traceId}", CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync();
                last = $"{(int)response.StatusCode} {body}";
                if (response.IsSuccessStatusCode)
                {
                    using var json = JsonDocument.Parse(body);
                    services = ServiceNames(json.RootElement);
                    if (expected.All(services.Contains))
                    {
                        return services;
                    }
                }
            }
            catch (HttpRequestException exception)
            {
                // The dashboard starts beside the platform and may not listen yet.
                last = exception.Message;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        Assert.Fail($"Trace {traceId} did not reach the dashboard from {string.Join(", ", expected)} within {Deadline.TotalSeconds:0} s; last answer: {last[..Math.Min(last.Length, 2000)]}");
        return services;
    }

    /// <summary>Every <c>service.name</c> resource attribute in an OTLP JSON document.</summary>
    private static HashSet<string> ServiceNames(JsonElement element)
    {
        HashSet<string> names = [];
        void Walk(JsonElement node)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    if (node.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == "service.name"
                        && node.TryGetProperty("value", out var value) && value.TryGetProperty("stringValue", out var name))
                    {
                        names.Add(name.GetString() ?? string.Empty);
                    }

                    foreach (var property in node.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in node.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(element);
        return names;
    }
}
