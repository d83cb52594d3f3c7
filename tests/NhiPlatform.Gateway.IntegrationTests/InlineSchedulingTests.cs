using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Samples.Echo.Apis;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// The gateway runs each request on the thread that read it (GatewayTransportOptions.InlineScheduling, on by default):
/// requests waiting on their upstream must not hold up the gateway's other requests.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class InlineSchedulingTests(LocalServersFixture servers) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private GatewayTestTopology _topology = null!;

    public async Task InitializeAsync() => _topology = await GatewayTestTopology.StartAsync(servers);

    public async Task DisposeAsync() => await _topology.DisposeAsync();

    [Fact]
    public void InlineScheduling_IsOnByDefault_AndCanBeTurnedOff()
    {
        Assert.True(_topology.Gateway.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);

        using var replica = _topology.StartReplica(settings =>
            settings[$"{NhiConfigurationKeys.GatewaySection}:Transport:InlineScheduling"] = "false");
        Assert.False(replica.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    [Fact]
    public async Task RequestsHeldUpstream_DoNotHoldUpOtherRequests()
    {
        var held = new HeldRequests();
        await using var upstream = new ServiceHost<EchoResponse>(new Dictionary<string, string?>(),
            services => services.AddSingleton<IStartupFilter>(held));
        upstream.Start();
        await using var gateway = _topology.StartReplica(settings =>
            settings[NhiConfigurationKeys.ServiceEndpoint(NhiResources.Echo)] = upstream.BaseAddress.ToString().TrimEnd('/'));
        using var client = gateway.CreateLoopbackClient();
        var token = await _topology.RegisterAndGetTokenAsync("echo.read");

        // Released in any case: a request still held would hold up the hosts' disposal.
        try
        {
            // More requests in flight than Kestrel has I/O queues (one per core, at most 16), each waiting on its upstream.
            var count = 2 * Math.Min(Environment.ProcessorCount, 16) + 4;
            var waiting = Enumerable.Range(0, count).Select(async i =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/svc/echo/held/{i}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request);
                return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            }).ToList();
            await held.WaitForAsync(count, Patience);

            // While they wait: a request proxied to another service, and one the gateway answers itself.
            using var other = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = Patience };
            using (var discovery = await other.GetAsync("/.well-known/jwks.json"))
            {
                Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
            }

            using (var health = await other.GetAsync("/health"))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            Assert.All(waiting, task => Assert.False(task.IsCompleted));
            held.Release();
            var answers = await Task.WhenAll(waiting).WaitAsync(Patience);
            Assert.All(answers, answer =>
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal(HeldRequests.ReleasedBody, answer.Body);
            });
        }
        finally
        {
            held.Release();
        }
    }

    /// <summary>In front of the upstream: every request under <c>/held</c> waits until released.</summary>
    private sealed class HeldRequests : IStartupFilter
    {
        public const string ReleasedBody = "released";
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public void Release() => _release.TrySetResult();

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Volatile.Read(ref _arrived) < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {Volatile.Read(ref _arrived)} of {count} requests reached the upstream within {timeout}");
                await Task.Delay(20);
            }
        }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Path.StartsWithSegments("/held"))
                {
                    await nextMiddleware(context);
                    return;
                }

                Interlocked.Increment(ref _arrived);
                await _release.Task;
                await context.Response.WriteAsync(ReleasedBody);
            });
            next(app);
        };
    }
}
