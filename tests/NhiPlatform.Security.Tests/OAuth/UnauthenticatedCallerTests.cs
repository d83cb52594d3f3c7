using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>
/// Introspection (RFC 7662 §2.1) and revocation (RFC 7009 §2.1) need client authentication: without it, or with a
/// wrong secret, the answer is invalid_client, nothing about the token leaks, and a token named for revocation stays valid.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class UnauthenticatedCallerTests(SecurityPlatform platform)
{
    public static TheoryData<string, bool> Calls => new()
    {
        { "/connect/introspect", false }, { "/connect/introspect", true }, { "/connect/revoke", false }, { "/connect/revoke", true },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Endpoint_CallerNotAuthenticated_IsInvalidClient_AndTheTokenStaysValid(string path, bool wrongSecret)
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.EchoRead);

        using var response = await platform.Client.PostFormAsync(path, new() { ["token"] = token },
            wrongSecret ? (clientId, "nhi_sk_" + new string('0', 72)) : null);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.DoesNotContain("active", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stillValid = await platform.Client.GetWithBearerAsync("/svc/echo/security-unauthenticated-revoke", token);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
    }
}
