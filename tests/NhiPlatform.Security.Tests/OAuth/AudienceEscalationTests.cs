using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>RFC 8707: a resource the client may not ask for is invalid_target, whatever else the request gets right.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AudienceEscalationTests(SecurityPlatform platform)
{
    private const string Allowed = "https://billing.internal";

    private async Task<HttpResponseMessage> RequestAsync(params string[] resources)
    {
        var (clientId, secret) = await platform.Client.RegisterAsync([NhiScopes.EchoRead], [Allowed]);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("scope", NhiScopes.EchoRead) };
        form.AddRange(resources.Select(r => new KeyValuePair<string, string>("resource", r)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var response = await platform.Client.Http.SendAsync(request);
        platform.Sensitive.AddFromResponse(await response.Content.ReadAsStringAsync());
        return response;
    }

    [Theory]
    [InlineData("https://orders.internal")]
    [InlineData("https://billing.internal/")]
    [InlineData("HTTPS://BILLING.INTERNAL")]
    [InlineData("https://billing.internal.evil.example")]
    public async Task Token_ResourceNotAllowed_IsInvalidTarget(string resource)
    {
        using var response = await RequestAsync(resource);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_target");
    }

    [Fact]
    public async Task Token_AllowedResourceSmugglingAnother_IsInvalidTarget()
    {
        using var response = await RequestAsync(Allowed, "https://orders.internal");

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_target");
    }

    [Fact]
    public async Task Control_AllowedResource_IsIssued()
    {
        using var response = await RequestAsync(Allowed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
