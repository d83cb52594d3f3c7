using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace NhiPlatform.Inventory.BrowserTests;

/// <summary>
/// One origin for the page, as the gateway gives it: <c>/connect/*</c> to the token service, <c>/ui/*</c> and
/// <c>/api/inventory/*</c> to the inventory, forwarded by YARP's forwarder on Kestrel at a loopback port.
/// </summary>
internal sealed class FrontDoor : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FrontDoor(WebApplication app) => _app = app;

    public Uri BaseAddress =>
        new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<FrontDoor> StartAsync(Uri tokens, Uri inventory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        app.MapForwarder("/connect/{**rest}", tokens.ToString());
        app.MapForwarder("/ui/{**rest}", inventory.ToString());
        app.MapForwarder("/api/inventory/{**rest}", inventory.ToString());
        await app.StartAsync();
        return new FrontDoor(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
