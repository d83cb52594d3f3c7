using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>A client asking for a scope it was never granted gets invalid_scope (RFC 6749 §5.2), not a narrower token.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ScopeEscalationTests(SecurityPlatform platform)
{
    [Theory]
    [InlineData(NhiScopes.Admin)]
    [InlineData(NhiScopes.EchoRead + " " + NhiScopes.Admin)]
    [InlineData(NhiScopes.EchoRead + " " + NhiScopes.Read)]
    [InlineData("ECHO.READ")]
    [InlineData("echo.read\u00a0nhi.admin")]
    public async Task Token_ScopeNotGranted_IsInvalidScope(string scope)
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);

        using var response = await platform.Client.RequestTokenAsync(clientId, secret, scope);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task Control_GrantedScope_IsIssued()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);

        using var response = await platform.Client.RequestTokenAsync(clientId, secret, NhiScopes.EchoRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
