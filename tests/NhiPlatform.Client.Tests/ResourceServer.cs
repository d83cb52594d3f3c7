using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace NhiPlatform.Client.Tests;

/// <summary>
/// A small API on Kestrel that records the bearer tokens it receives. <c>/ok</c> accepts any; <c>/reject-first</c>
/// answers 401 invalid_token to the first token it sees (as after a revocation) and accepts later ones.
/// </summary>
internal sealed class ResourceServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private string? _rejected;

    private ResourceServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Tokens { get; } = new();

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<ResourceServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ResourceServer(app);
        app.MapMethods("/ok", ["GET", "POST"], (HttpRequest request) =>
        {
            server.Tokens.Enqueue(request.Headers.Authorization.ToString());
            return Results.Ok();
        });
        app.MapMethods("/reject-first", ["GET", "POST"], (HttpRequest request, HttpResponse response) =>
        {
            var token = request.Headers.Authorization.ToString();
            server.Tokens.Enqueue(token);
            if (Interlocked.CompareExchange(ref server._rejected, token, null) is null || server._rejected == token)
            {
                response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
