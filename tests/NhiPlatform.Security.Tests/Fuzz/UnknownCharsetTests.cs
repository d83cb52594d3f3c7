using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>
/// Found by the fuzz (seed 20261123, #10733): a JSON body whose Content-Type names a charset .NET does not know (here
/// two Content-Type headers joined into <c>charset=", application/json; charset="</c>) made the JSON reader throw an
/// InvalidOperationException, and the caller got a 500; so did a quoted known one (<c>charset="utf-8"</c>). Now an unknown
/// charset is a 415 ProblemDetails and a quoted one is read, by the inventory and the token service.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class UnknownCharsetTests(SecurityPlatform platform)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "/api/inventory/findings/1/acknowledge", "application/json; charset=\", application/json; charset=\"" },
        { "/api/inventory/findings/1/resolve", "application/json; charset=no-such-charset" },
        { "/api/admin/identities", "application/json; charset=\", application/json; charset=\"" },
        { "/api/admin/identities", "application/json; charset=ebcdic-cp-nowhere" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task JsonBody_WithUnknownCharset_Is415ProblemDetails(string path, string contentType)
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"reason\":\"r\"}")) };
        Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Client.AdminTokenAsync());

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("charset", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonBody_WithKnownCharset_IsStillRead()
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(
                "{\"displayName\":\"charset check\",\"owner\":\"team-security\",\"purpose\":\"security suite\",\"allowedScopes\":[\"echo.read\"]}")),
        };
        Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=\"utf-8\""));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Client.AdminTokenAsync());

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        platform.Sensitive.AddFromResponse(body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
    }
}
