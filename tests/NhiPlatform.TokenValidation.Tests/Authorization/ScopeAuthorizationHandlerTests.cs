using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NhiPlatform.TokenValidation.Authorization;

namespace NhiPlatform.TokenValidation.Tests.Authorization;

public sealed class ScopeAuthorizationHandlerTests
{
    private static async Task<bool> AuthorizeAsync(string[] required, params string[] scopeClaims)
    {
        var identity = new ClaimsIdentity(scopeClaims.Select(s => new Claim("scope", s)), "Bearer");
        var requirement = new ScopeRequirement(required);
        var context = new AuthorizationHandlerContext([requirement], new ClaimsPrincipal(identity), null);
        await new ScopeAuthorizationHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    [Fact]
    public async Task Handle_SpaceDelimitedScopeContainsRequired_Succeeds()
    {
        Assert.True(await AuthorizeAsync(["echo.read"], "nhi.read echo.read"));
    }

    [Fact]
    public async Task Handle_ScopeArrayClaims_Succeeds()
    {
        Assert.True(await AuthorizeAsync(["a", "b"], "a", "b"));
    }

    [Theory]
    [InlineData("echo.read2")]
    [InlineData("ECHO.READ")]
    [InlineData("echo.rea")]
    [InlineData("echo.read,nhi.read")]
    [InlineData("")]
    public async Task Handle_LookAlike_Fails(string granted)
    {
        Assert.False(await AuthorizeAsync(["echo.read"], granted));
    }

    [Fact]
    public async Task Handle_OnlySomeOfRequired_Fails()
    {
        Assert.False(await AuthorizeAsync(["a", "b"], "a"));
    }
}
