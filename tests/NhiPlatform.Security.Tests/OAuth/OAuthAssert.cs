using System.Net;
using System.Text.Json;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>What an RFC 6749 §5.2 error response must look like: status, JSON body with the code, no caching; a 401 challenges for Basic.</summary>
internal static class OAuthAssert
{
    public static async Task ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {error}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(error, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    /// <summary>RFC 6585 §4: 429 with a Retry-After the client can act on.</summary>
    public static async Task TooManyRequestsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"Expected 429, got {(int)response.StatusCode}: {body}");
        Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 3600);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
