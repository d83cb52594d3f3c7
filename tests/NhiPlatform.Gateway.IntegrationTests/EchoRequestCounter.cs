using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>Sits in front of the echo sample and records every request that reached it: proves a denial never did.</summary>
internal sealed class EchoRequestCounter : IStartupFilter
{
    private readonly ConcurrentQueue<string> _paths = new();

    public IReadOnlyCollection<string> Paths => _paths;

    public int Count(string pathPrefix) => _paths.Count(p => p.StartsWith(pathPrefix, StringComparison.Ordinal));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            _paths.Enqueue(context.Request.Path.Value ?? "/");
            return nextMiddleware(context);
        });
        next(app);
    };
}
