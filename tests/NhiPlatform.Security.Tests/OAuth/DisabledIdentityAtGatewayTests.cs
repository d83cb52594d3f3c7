using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>
/// A token issued before its identity was disabled is still signed and unexpired, yet the gateway refuses it
/// (the identity's cut-off reaches it through Redis) with 401 invalid_token, and the service no longer sees the calls.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class DisabledIdentityAtGatewayTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Gateway_TokenOfDisabledIdentity_IsInvalidToken()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.EchoRead);
        using (var before = await platform.Client.GetWithBearerAsync("/svc/echo/security-disabled-before", token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var disabled = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable", new { reason = "security suite" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        using var after = await Eventually.RespondsAsync(
            () => platform.Client.GetWithBearerAsync("/svc/echo/security-disabled-after", token), r => r.StatusCode != HttpStatusCode.OK,
            TimeSpan.FromSeconds(2));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var reachedBefore = await platform.EchoRequests.CountAsync("/security-disabled-after");
        using var again = await platform.Client.GetWithBearerAsync("/svc/echo/security-disabled-after", token);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(reachedBefore, await platform.EchoRequests.CountAsync("/security-disabled-after"));
    }

    [Fact]
    public async Task Gateway_ExchangedTokenOfDisabledSubject_IsInvalidTokenAsIntrospectionSays()
    {
        var (subject, actor, subjectToken, exchanged) = await ExchangeAsync();
        using (var before = await platform.Client.GetWithBearerAsync("/svc/echo/security-exchanged-before", exchanged))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var disabled = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{subject.ClientId}/disable", new { reason = "security suite" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        using var introspection = await platform.Client.PostFormAsync("/connect/introspect", new Dictionary<string, string> { ["token"] = exchanged }, actor);
        Assert.False(System.Text.Json.JsonDocument.Parse(await introspection.Content.ReadAsStringAsync()).RootElement.GetProperty("active").GetBoolean());
        using var after = await Eventually.RespondsAsync(
            () => platform.Client.GetWithBearerAsync("/svc/echo/security-exchanged-after", exchanged), r => r.StatusCode != HttpStatusCode.OK,
            TimeSpan.FromSeconds(2));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_TokenExchangedFromARevokedToken_IsInvalidTokenAsIntrospectionSays()
    {
        var (subject, actor, subjectToken, exchanged) = await ExchangeAsync();
        using (var before = await platform.Client.GetWithBearerAsync("/svc/echo/security-exchanged-revoked-before", exchanged))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await platform.Client.PostFormAsync("/connect/revoke", new Dictionary<string, string> { ["token"] = subjectToken }, subject);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var introspection = await platform.Client.PostFormAsync("/connect/introspect", new Dictionary<string, string> { ["token"] = exchanged }, actor);
        Assert.False(System.Text.Json.JsonDocument.Parse(await introspection.Content.ReadAsStringAsync()).RootElement.GetProperty("active").GetBoolean());
        using var after = await Eventually.RespondsAsync(
            () => platform.Client.GetWithBearerAsync("/svc/echo/security-exchanged-revoked-after", exchanged), r => r.StatusCode != HttpStatusCode.OK,
            TimeSpan.FromSeconds(2));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A subject's echo.read token exchanged by an actor (RFC 8693): both identities, the subject token and the exchanged one.</summary>
    private async Task<((string ClientId, string Secret) Subject, (string ClientId, string Secret) Actor, string SubjectToken, string Exchanged)> ExchangeAsync()
    {
        var subject = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var actor = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var subjectToken = await platform.Client.TokenAsync(subject.ClientId, subject.Secret, NhiScopes.EchoRead);
        using var exchange = await platform.Client.PostFormAsync("/connect/token", new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = subjectToken,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
            ["scope"] = NhiScopes.EchoRead,
        }, actor);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        var exchanged = System.Text.Json.JsonDocument.Parse(await exchange.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        platform.Sensitive.AddJwt(exchanged, "exchanged access token");
        return (subject, actor, subjectToken, exchanged);
    }
}
