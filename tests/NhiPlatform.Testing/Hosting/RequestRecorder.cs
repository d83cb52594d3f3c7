using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace NhiPlatform.Testing.Hosting;

/// <summary>
/// Sits in front of a downstream service (add it as an <see cref="IStartupFilter"/>) and records the path of every
/// request that reached it: proves a denial never did.
/// </summary>
public sealed class RequestRecorder : IStartupFilter
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
