using System.Net;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>
/// Found by the fuzz (seed 20261123, #2819 and an inventory usage query): a NUL in a query value reached PostgreSQL,
/// which refuses it ("invalid byte sequence for encoding UTF8: 0x00"), and the caller got a 500. Now a 400 ProblemDetails.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class NulCharacterTests(SecurityPlatform platform)
{
    [Theory]
    [InlineData("/api/admin/audit?action=%00")]
    [InlineData("/api/admin/audit?target=a%00b")]
    [InlineData("/api/admin/identities?owner=%00")]
    [InlineData("/api/inventory/usage?client_id=%00")]
    [InlineData("/api/inventory/usage?path=%2F%00")]
    [InlineData("/api/inventory/identities?owner=%00")]
    [InlineData("/api/inventory/search?q=%00")]
    [InlineData("/api/inventory/callers?service=%00")]
    public async Task AdminAndInventoryQueries_ValueWithNul_Are400ProblemDetails(string pathAndQuery)
    {
        using var response = await platform.Client.GetWithBearerAsync(pathAndQuery, await platform.Client.AdminTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateIdentity_FieldsWithNul_Are400()
    {
        using var response = await platform.Client.AdminAsync(HttpMethod.Post, "/api/admin/identities", new
        {
            displayName = "nul\0name", owner = "team\0x", purpose = "p\0", allowedScopes = new[] { "echo.read" }, tags = new Dictionary<string, string> { ["k\0"] = "v\0" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
