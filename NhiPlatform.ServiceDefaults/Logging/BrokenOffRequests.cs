using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace NhiPlatform.ServiceDefaults.Logging;

/// <summary>
/// Recognises what Kestrel and YARP log when a client breaks a request off halfway (half a body then gone, or gone while
/// the answer streams): each comes with a stack trace of several kilobytes that any anonymous caller can cause again
/// and again. <see cref="BrokenOffRequestLogger"/> writes those entries as one short line instead.
/// </summary>
internal static class BrokenOffRequests
{
    /// <summary>Categories whose entries are checked; every other category's loggers are left as they are.</summary>
    public static bool IsWatched(string category) =>
        category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal)
        || category.StartsWith("Yarp.ReverseProxy.Forwarder", StringComparison.Ordinal);

    /// <summary>YARP's <c>ForwarderError</c> values that mean the client went away or failed, not the destination.</summary>
    private static readonly HashSet<string> ClientForwarderErrors = new(StringComparer.Ordinal)
    {
        "RequestCanceled", "RequestBodyCanceled", "RequestBodyClient", "ResponseBodyCanceled", "ResponseBodyClient",
        "UpgradeRequestCanceled", "UpgradeRequestClient", "UpgradeResponseCanceled", "UpgradeResponseClient",
    };

    public static bool IsBrokenOff<TState>(TState state, Exception? exception)
    {
        if (exception is null)
        {
            return false;
        }

        // YARP names the side that failed in its structured "error" value.
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                if (key == "error" && value is not null)
                {
                    return ClientForwarderErrors.Contains(value.ToString()!);
                }
            }
        }

        return CausedByClient(exception, depth: 0);
    }

    private static bool CausedByClient(Exception exception, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        switch (exception)
        {
            case ConnectionResetException or ConnectionAbortedException or BadHttpRequestException:
                return true;
            // Kestrel, draining or ending a connection whose body read the client broke off, finds the read still marked
            // in progress ("Reading is already in progress", from its body reader or System.IO.Pipelines).
            case InvalidOperationException { TargetSite.DeclaringType.Namespace: { } origin }
                when origin.StartsWith("System.IO.Pipelines", StringComparison.Ordinal)
                    || origin.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal):
                return true;
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Any(inner => CausedByClient(inner, depth + 1));
            default:
                return exception.InnerException is { } cause && CausedByClient(cause, depth + 1);
        }
    }
}
