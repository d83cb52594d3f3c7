using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Admin;

/// <summary>
/// Through the gateway, the platform cannot lock out its own administration: with every other administrator disabled,
/// the last one cannot be disabled, stripped of <c>nhi.admin</c>, given an expiry or deleted (409 ProblemDetails).
/// The others are enabled again afterwards, so the suite's bootstrap admin keeps working.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class LastAdministratorTests(SecurityPlatform platform)
{
    [Fact]
    public async Task LastAdministrator_CannotBeDisabledStrippedExpiredOrDeleted()
    {
        var (last, secret) = await platform.Client.RegisterAsync(NhiScopes.Admin);
        var token = await platform.Client.TokenAsync(last, secret, NhiScopes.Admin);
        using var listed = await platform.Client.GetWithBearerAsync($"/api/admin/identities?scope={NhiScopes.Admin}&status=active", token);
        var others = (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(i => i.GetProperty("clientId").GetString()!).Where(id => id != last).ToList();
        var disabled = new List<string>();
        try
        {
            foreach (var other in others)
            {
                using var response = await SendAsync(token, HttpMethod.Post, $"/api/admin/identities/{other}/disable");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                disabled.Add(other);
            }

            await AssertRefusedAsync(token, HttpMethod.Post, $"/api/admin/identities/{last}/disable");
            await AssertRefusedAsync(token, HttpMethod.Patch, $"/api/admin/identities/{last}", new { allowedScopes = new[] { NhiScopes.Read } });
            await AssertRefusedAsync(token, HttpMethod.Patch, $"/api/admin/identities/{last}", new { expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
            await AssertRefusedAsync(token, HttpMethod.Delete, $"/api/admin/identities/{last}");
        }
        finally
        {
            foreach (var other in disabled)
            {
                (await SendAsync(token, HttpMethod.Post, $"/api/admin/identities/{other}/enable")).Dispose();
            }
        }

        // The bootstrap admin's cut-off covers the second it was disabled in: its next token works a moment later.
        using var cleanedUp = await Eventually.RespondsAsync(
            () => platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{last}/disable"), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, cleanedUp.StatusCode);
    }

    private async Task AssertRefusedAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(token, method, path, body);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(NhiScopes.Admin, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(string token, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await platform.Client.Http.SendAsync(request);
    }
}
