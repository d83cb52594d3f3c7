using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Yarp.ReverseProxy.Configuration;

namespace NhiPlatform.Gateway.Benchmarks;

/// <summary>YARP with the gateway's echo route (same path, same prefix removal) and nothing else: no authentication, no usage.</summary>
internal static class BareYarpServer
{
    public static async Task<int> RunAsync(int port, string backend)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // The gateway's transport setting (GatewayTransportOptions.InlineScheduling, on by default), so the comparison is like for like.
        builder.Services.Configure<SocketTransportOptions>(options => options.UnsafePreferInlineScheduling = true);
        RouteConfig[] routes =
        [
            new RouteConfig
            {
                RouteId = "echo",
                ClusterId = "echo",
                Match = new RouteMatch { Path = "/svc/echo/{**rest}" },
                Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = "/svc/echo" }],
            },
        ];
        ClusterConfig[] clusters =
        [
            new ClusterConfig
            {
                ClusterId = "echo",
                Destinations = new Dictionary<string, DestinationConfig> { ["echo"] = new() { Address = backend } },
            },
        ];
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
        return 0;
    }
}
