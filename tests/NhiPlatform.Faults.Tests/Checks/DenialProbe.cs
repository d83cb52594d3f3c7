using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using NhiPlatform.Faults.Tests.Load;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// Calls every replica with one token, as fast as they answer, until each denies it (401) or the time is up: how long a
/// revocation or a disabling takes to be enforced everywhere, measured over real HTTP.
/// </summary>
internal static class DenialProbe
{
    /// <summary>Each replica's delay (<paramref name="elapsed"/>, read at its first 401); null when it never denied.</summary>
    public static async Task<IReadOnlyDictionary<string, TimeSpan?>> MeasureAsync(
        IReadOnlyList<GatewayClient> replicas, string token, string name, Func<TimeSpan> elapsed, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(replicas.Select(async replica =>
        {
            for (var attempt = 0; Stopwatch.GetElapsedTime(started) < timeout; attempt++)
            {
                if (await CallAsync(replica, token, string.Create(CultureInfo.InvariantCulture, $"{name}/{attempt}")) == HttpStatusCode.Unauthorized)
                {
                    return (replica.Name, Delay: (TimeSpan?)elapsed());
                }

                await Task.Delay(10);
            }

            return (replica.Name, Delay: (TimeSpan?)null);
        }));
        return results.ToDictionary(r => r.Name, r => r.Delay);
    }

    /// <summary>The replica's status for the token on an echo path of its own; null when it did not answer.</summary>
    public static async Task<HttpStatusCode?> CallAsync(GatewayClient replica, string token, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/svc/echo/probe/{name}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await replica.Http.SendAsync(request);
            return response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
