using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.Gateway.Tests.Usage;

public sealed class UsageCaptureMiddlewareTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static DefaultHttpContext Context(int status, string path = "/svc/echo/x")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString("?secret=should-not-be-recorded");
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Response.StatusCode = status;
        return context;
    }

    [Fact]
    public void Describe_MissingToken_IsDeniedWithReasonAndNoClient()
    {
        var context = Context(401);
        context.Features.Set(new AccessTokenFailureFeature { Reason = UsageReasons.MissingToken });

        var usage = UsageCaptureMiddleware.Describe(context, Now, TimeSpan.FromMilliseconds(3));

        Assert.Equal(UsageDecisions.Denied, usage.Decision);
        Assert.Equal(UsageReasons.MissingToken, usage.Reason);
        Assert.Null(usage.ClientId);
        Assert.Equal(401, usage.Status);
        Assert.Equal("/svc/echo/x", usage.Path);
        Assert.Equal(Now, usage.OccurredAt);
        Assert.Equal("127.0.0.1", usage.SourceAddress);
    }

    [Fact]
    public void Describe_VerifiedToken_RecordsHowTheClientAuthenticated()
    {
        var context = Context(200);
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(NhiClaims.ClientId, "orders"), new Claim(NhiClaims.TokenId, "t1"),
            new Claim(NhiClaims.AuthenticationMethod, NhiAuthenticationMethods.Federated), new Claim(NhiClaims.CredentialId, "0193c1de-0000-7000-8000-000000000001"),
        ], "Bearer"));

        var usage = UsageCaptureMiddleware.Describe(context, Now, TimeSpan.FromMilliseconds(3));

        Assert.Equal("orders", usage.ClientId);
        Assert.Equal(NhiAuthenticationMethods.Federated, usage.AuthenticationMethod);
        Assert.Equal("0193c1de-0000-7000-8000-000000000001", usage.CredentialId);
    }

    [Fact]
    public void Describe_InvalidToken_KeepsUnverifiedClaimsApart()
    {
        var context = Context(401);
        context.Features.Set(new AccessTokenFailureFeature
        {
            Reason = UsageReasons.InvalidToken,
            UnverifiedIssuer = "https://evil.test",
            UnverifiedSubject = "ghost",
        });

        var usage = UsageCaptureMiddleware.Describe(context, Now, TimeSpan.Zero);

        Assert.Null(usage.ClientId);
        Assert.Equal("https://evil.test", usage.UnverifiedIssuer);
        Assert.Equal("ghost", usage.UnverifiedSubject);
    }

    [Fact]
    public void Describe_Authenticated_RecordsVerifiedIdentity()
    {
        var context = Context(404, "/unknown");
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("client_id", "orders"), new Claim("jti", "t1"), new Claim("scope", "echo.read")], "Bearer"));

        var usage = UsageCaptureMiddleware.Describe(context, Now, TimeSpan.Zero);

        Assert.Equal("orders", usage.ClientId);
        Assert.Equal("t1", usage.TokenId);
        Assert.Equal("echo.read", usage.Scopes);
        Assert.Equal(UsageDecisions.Denied, usage.Decision);
        Assert.Equal(UsageReasons.NoRoute, usage.Reason);
    }

    [Fact]
    public void Describe_Always_NewEventIdAndNoQueryString()
    {
        var first = UsageCaptureMiddleware.Describe(Context(200), Now, TimeSpan.Zero);
        var second = UsageCaptureMiddleware.Describe(Context(200), Now, TimeSpan.Zero);

        Assert.NotEqual(first.EventId, second.EventId);
        Assert.DoesNotContain("secret", first.Path, StringComparison.Ordinal);
    }
}
