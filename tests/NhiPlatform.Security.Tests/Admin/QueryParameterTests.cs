using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Admin;

/// <summary>
/// Through the gateway, every query parameter the admin and inventory APIs cannot read is a 400 ProblemDetails naming
/// it, never ignored; the usage list pages with a cursor until the last row.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class QueryParameterTests(SecurityPlatform platform)
{
    [Theory]
    [InlineData("/api/admin/audit?limit=-1", "limit")]
    [InlineData("/api/admin/audit?limit=0", "limit")]
    [InlineData("/api/admin/audit?since=31%2F12%2F2026%2025%3A00", "since")]
    [InlineData("/api/admin/audit?cursor=forged", "cursor")]
    [InlineData("/api/admin/identities?status=archived", "status")]
    [InlineData("/api/admin/identities?ownr=team-security", "ownr")]
    [InlineData("/api/inventory/usage?limit=-10", "limit")]
    [InlineData("/api/inventory/usage?limit=1000000", "limit")]
    [InlineData("/api/inventory/usage?limit=abc", "limit")]
    [InlineData("/api/inventory/usage?since=not-a-date", "since")]
    [InlineData("/api/inventory/usage?cursor=AAAA", "cursor")]
    [InlineData("/api/inventory/usage?client_id=a&client_id=b", "client_id")]
    [InlineData("/api/inventory/credentials?rotated_before=soon", "rotated_before")]
    [InlineData("/api/inventory/findings?severity=critical", "severity")]
    public async Task Get_UnreadableQueryParameter_Is400ProblemNamingIt(string path, string parameter)
    {
        using var response = await platform.Client.AdminAsync(HttpMethod.Get, path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"{path}: {body}");
    }

    [Fact]
    public async Task Usage_FollowingNext_ReachesEveryCallOfAnIdentity()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.EchoRead);
        const int calls = 7;
        for (var i = 0; i < calls; i++)
        {
            using var call = await platform.Client.GetWithBearerAsync($"/svc/echo/paging/{i}", token);
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        var seen = new HashSet<Guid>();
        for (var attempt = 0; attempt < 100 && seen.Count < calls; attempt++)
        {
            seen.Clear();
            var path = $"/api/inventory/usage?client_id={clientId}&limit=2";
            for (var pages = 0; path is not null && pages < 20; pages++)
            {
                using var response = await platform.Client.AdminAsync(HttpMethod.Get, path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    Assert.True(seen.Add(item.GetProperty("eventId").GetGuid()), "a row came twice");
                }

                path = page.TryGetProperty("next", out var cursor) && cursor.GetString() is { } next
                    ? $"/api/inventory/usage?client_id={clientId}&limit=2&cursor={Uri.EscapeDataString(next)}"
                    : null;
            }

            // Ingestion is asynchronous: walk again until every call has landed.
            await Task.Delay(100);
        }

        Assert.Equal(calls, seen.Count);
    }
}
