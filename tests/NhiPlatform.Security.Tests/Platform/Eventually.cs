using System.Diagnostics;

namespace NhiPlatform.Security.Tests.Platform;

/// <summary>
/// Repeats a request until its answer is the expected one or the time is up, then hands back the last answer for the
/// test to assert on. For changes that travel by Redis (identity cut-offs, cache invalidation) and so take a moment.
/// </summary>
internal static class Eventually
{
    public static async Task<HttpResponseMessage> RespondsAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> expected, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await send();
            if (expected(response) || clock.Elapsed > (within ?? TimeSpan.FromSeconds(5)))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(50);
        }
    }
}
