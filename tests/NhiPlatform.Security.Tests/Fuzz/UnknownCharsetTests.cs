using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>
/// Found by the fuzz (seed 20261123, #10733) and by the tests written for it: a JSON body whose Content-Type names a
/// charset .NET does not know (two Content-Type headers joined into <c>charset=", application/json; charset="</c>) or
/// a quoted known one (<c>charset="utf-8"</c>), and a form body in UTF-7 (known to .NET, turned off), were 500s. Now an
/// unreadable JSON charset is a 415 ProblemDetails, a quoted one is read, and a form in an unusable charset is read as
/// UTF-8, by the inventory and the token service.
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
        { "/api/admin/identities", "application/json; charset=utf-7" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task JsonBody_WithUnknownCharset_Is415ProblemDetails(string path, string contentType)
    {
        using var client = new HttpClient { BaseAddress = platform.GatewayAddress };
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
        using var client = new HttpClient { BaseAddress = platform.GatewayAddress };
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

    /// <summary>Form bodies are the form reader's: an unknown or disabled charset is read as UTF-8 and the token endpoint answers as usual.</summary>
    [Theory]
    [InlineData("application/x-www-form-urlencoded; charset=utf-7")]
    [InlineData("application/x-www-form-urlencoded; charset=ebcdic-cp-nowhere")]
    [InlineData("application/x-www-form-urlencoded; charset=\"utf-8\"")]
    public async Task TokenRequest_FormWithAnyCharset_IsAnsweredByTheTokenEndpoint(string contentType)
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        using var client = new HttpClient { BaseAddress = platform.GatewayAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"grant_type=client_credentials&scope={NhiScopes.EchoRead}")),
        };
        Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        platform.Sensitive.AddFromResponse(body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{contentType}: {(int)response.StatusCode} {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("access_token", out _));
    }
}
