using Microsoft.Extensions.Logging;

namespace NhiPlatform.ServiceDefaults.Logging;

/// <summary>
/// The service's <see cref="ILoggerFactory"/> with Kestrel's and YARP's loggers wrapped in <see cref="BrokenOffRequestLogger"/>;
/// other categories get the inner factory's loggers untouched (no cost on their path).
/// </summary>
internal sealed class BrokenOffRequestLoggerFactory(LoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => BrokenOffRequests.IsWatched(categoryName)
        ? new BrokenOffRequestLogger(inner.CreateLogger(categoryName), inner.CreateLogger(BrokenOffRequestLogger.Category), categoryName)
        : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The container owns and disposes the inner factory.
    public void Dispose()
    {
    }
}
