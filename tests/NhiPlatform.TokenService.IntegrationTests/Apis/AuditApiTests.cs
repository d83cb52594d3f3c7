using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class AuditApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Audit_PagedWithTheNextLink_WalksEveryEntryOnce()
    {
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await _host.CreateAsync(new { clientId = $"audit-page-{i}", displayName = "a", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" } }))
                .GetProperty("clientId").GetString()!);
        }

        var targets = new List<string>();
        var ids = new List<long>();
        string? next = "/api/admin/audit?action=created&limit=3";
        var pages = 0;
        while (next is not null && pages++ < 20)
        {
            using var response = await _host.AdminAsync(HttpMethod.Get, next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var entry in (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray())
            {
                ids.Add(entry.GetProperty("id").GetInt64());
                targets.Add(entry.GetProperty("target").GetString()!);
            }

            next = response.Headers.TryGetValues("Link", out var links) ? NextOf(links.Single()) : null;
        }

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Subset(targets.ToHashSet(), created.ToHashSet());
        Assert.True(pages >= 3, $"{ids.Count} entries in {pages} pages");
    }

    [Theory]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    [InlineData("since=not-a-date", "since")]
    [InlineData("before=-3", "before")]
    [InlineData("cursor=%2A%2A", "cursor")]
    [InlineData("acton=x", "acton")]
    public async Task Audit_UnreadableParameter_IsValidationProblemNamingIt(string query, string parameter)
    {
        using var response = await _host.AdminAsync(HttpMethod.Get, "/api/admin/audit?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out _), body);
    }

    /// <summary>The target of a <c>Link: &lt;...&gt;; rel="next"</c> header.</summary>
    private static string? NextOf(string link) =>
        link.EndsWith("rel=\"next\"", StringComparison.Ordinal) ? link[(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)] : null;
}
