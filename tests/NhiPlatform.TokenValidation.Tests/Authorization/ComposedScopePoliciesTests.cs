using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NhiPlatform.TokenValidation.Authorization;

namespace NhiPlatform.TokenValidation.Tests.Authorization;

public sealed class ComposedScopePoliciesTests
{
    [Fact]
    public void ForThenTryParse_RoundTrips()
    {
        var policy = new ScopePolicy { AllOf = ["a", "b"], AnyOf = ["c", "d"], Audience = "echo" };

        var name = ScopePolicies.For(policy);

        Assert.Equal("nhi:all=a b;any=c d;aud=echo", name);
        Assert.True(ScopePolicies.TryParsePolicy(name, out ScopePolicy parsed));
        Assert.Equal(policy.AllOf, parsed.AllOf);
        Assert.Equal(policy.AnyOf, parsed.AnyOf);
        Assert.Equal("echo", parsed.Audience);
    }

    [Theory]
    [InlineData("nhi:aud=echo")]
    [InlineData("nhi:")]
    [InlineData("nhi:all=a;bogus=1")]
    [InlineData("nhi:all")]
    [InlineData("anonymous")]
    public void TryParse_NoScopeOrUnknownPart_IsFalse(string name)
    {
        Assert.False(ScopePolicies.TryParsePolicy(name, out ScopePolicy _));
    }

    [Fact]
    public void TryParse_LegacyForm_IsAllOf()
    {
        Assert.True(ScopePolicies.TryParsePolicy("scope:a b", out ScopePolicy parsed));
        Assert.Equal(["a", "b"], parsed.AllOf);
        Assert.Empty(parsed.AnyOf);
        Assert.Null(parsed.Audience);
    }

    private static async Task<bool> AuthorizeAsync(IAuthorizationRequirement requirement, IAuthorizationHandler handler, params Claim[] claims)
    {
        var context = new AuthorizationHandlerContext([requirement], new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer")), null);
        await handler.HandleAsync(context);
        return context.HasSucceeded;
    }

    [Theory]
    [InlineData("c", true)]
    [InlineData("x d", true)]
    [InlineData("C D", false)]
    [InlineData("c2 dd", false)]
    [InlineData("", false)]
    public async Task AnyOf_NeedsOneExactScope(string granted, bool expected)
    {
        Assert.Equal(expected, await AuthorizeAsync(new AnyScopeRequirement(["c", "d"]), new ScopeAuthorizationHandler(), new Claim("scope", granted)));
    }

    [Theory]
    [InlineData(new[] { "nhi-gateway", "echo" }, true)]
    [InlineData(new[] { "echo" }, true)]
    [InlineData(new[] { "nhi-gateway" }, false)]
    [InlineData(new[] { "ECHO", "echo2" }, false)]
    public async Task Audience_MustBeAmongAud(string[] audiences, bool expected)
    {
        Assert.Equal(expected, await AuthorizeAsync(new AudienceRequirement("echo"), new AudienceAuthorizationHandler(),
            [.. audiences.Select(a => new Claim("aud", a))]));
    }
}
