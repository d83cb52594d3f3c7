using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace NhiPlatform.Security.Tests.Platform;

/// <summary>Sits in front of a downstream service and records every path that reached it: proves a refusal never did.</summary>
internal sealed class ServiceRequestRecorder : IStartupFilter
{
    private readonly ConcurrentQueue<string> _paths = new();

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
