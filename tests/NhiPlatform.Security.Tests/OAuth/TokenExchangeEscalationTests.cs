using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>
/// RFC 8693 delegation never widens: the exchanged token holds no scope beyond both the subject token's and the actor's
/// allowed ones, and no audience the actor may not ask for.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class TokenExchangeEscalationTests(SecurityPlatform platform)
{
    private const string Downstream = "https://billing.internal";

    private async Task<HttpResponseMessage> ExchangeAsync((string ClientId, string Secret) actor, string subjectToken, string? scope, string? audience)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = subjectToken,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        if (audience is not null)
        {
            form["audience"] = audience;
        }

        return await platform.Client.PostFormAsync("/connect/token", form, actor);
    }

    /// <summary>A subject holding echo.read, and an actor allowed echo.read and nhi.admin towards <see cref="Downstream"/>.</summary>
    private async Task<(string SubjectToken, (string, string) Actor)> ArrangeAsync()
    {
        var subject = await platform.Client.RegisterAsync(NhiScopes.EchoRead, NhiScopes.Read);
        var subjectToken = await platform.Client.TokenAsync(subject.ClientId, subject.Secret, NhiScopes.EchoRead);
        var actor = await platform.Client.RegisterAsync([NhiScopes.EchoRead, NhiScopes.Admin], [Downstream]);
        return (subjectToken, actor);
    }

    [Fact]
    public async Task Exchange_NoScopeInCommonAndNoneRequested_IsInvalidScopeNotAnEmptyToken()
    {
        var subject = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var subjectToken = await platform.Client.TokenAsync(subject.ClientId, subject.Secret, NhiScopes.EchoRead);
        var actor = await platform.Client.RegisterAsync(NhiScopes.OrdersRead);

        using var response = await ExchangeAsync(actor, subjectToken, scope: null, audience: null);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task Exchange_ScopeTheActorHasButTheSubjectTokenLacks_IsInvalidScope()
    {
        var (subjectToken, actor) = await ArrangeAsync();

        using var response = await ExchangeAsync(actor, subjectToken, $"{NhiScopes.EchoRead} {NhiScopes.Admin}", Downstream);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task Exchange_ScopeTheSubjectIdentityHasButItsTokenLacks_IsInvalidScope()
    {
        var (subjectToken, actor) = await ArrangeAsync();

        using var response = await ExchangeAsync(actor, subjectToken, NhiScopes.Read, Downstream);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task Exchange_ScopeTheSubjectTokenHasButTheActorLacks_IsInvalidScope()
    {
        var (subjectToken, _) = await ArrangeAsync();
        var narrowActor = await platform.Client.RegisterAsync([NhiScopes.OrdersRead], [Downstream]);

        using var response = await ExchangeAsync(narrowActor, subjectToken, NhiScopes.EchoRead, Downstream);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Theory]
    [InlineData("https://orders.internal")]
    [InlineData("https://billing.internal.evil.example")]
    public async Task Exchange_AudienceTheActorMayNotAskFor_IsInvalidTarget(string audience)
    {
        var (subjectToken, actor) = await ArrangeAsync();

        using var response = await ExchangeAsync(actor, subjectToken, NhiScopes.EchoRead, audience);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_target");
    }

    [Fact]
    public async Task Exchange_ForgedSubjectToken_IsInvalidGrant()
    {
        var (subjectToken, actor) = await ArrangeAsync();
        var parts = subjectToken.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        using var response = await ExchangeAsync(actor, forged, NhiScopes.EchoRead, Downstream);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Control_NarrowerExchange_IsIssued()
    {
        var (subjectToken, actor) = await ArrangeAsync();

        using var response = await ExchangeAsync(actor, subjectToken, NhiScopes.EchoRead, Downstream);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
