using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>A disabled identity's right secret no longer gets a token: invalid_client, the same answer as a wrong secret.</summary>
[Collection(SecurityCollection.Name)]
public sealed class DisabledClientTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Token_DisabledClient_IsInvalidClient()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        await platform.Client.TokenAsync(clientId, secret, NhiScopes.EchoRead);

        using var disabled = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable", new { reason = "security suite" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        using var response = await Eventually.RespondsAsync(
            () => platform.Client.RequestTokenAsync(clientId, secret, NhiScopes.EchoRead), r => r.StatusCode != HttpStatusCode.OK);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }
}
