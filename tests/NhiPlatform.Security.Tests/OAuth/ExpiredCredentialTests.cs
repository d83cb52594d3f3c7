using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>A secret past its expiry (rotated away with no grace period) is invalid_client; the new one works.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ExpiredCredentialTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Token_SecretExpiredByRotationWithoutGrace_IsInvalidClient()
    {
        var (clientId, oldSecret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);

        using var rotated = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials/rotate", new { graceSeconds = 0 });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("clientSecret").GetString()!;
        using var withOld = await Eventually.RespondsAsync(
            () => platform.Client.RequestTokenAsync(clientId, oldSecret, NhiScopes.EchoRead), r => r.StatusCode != HttpStatusCode.OK);
        using var withNew = await platform.Client.RequestTokenAsync(clientId, newSecret, NhiScopes.EchoRead);

        await OAuthAssert.ErrorAsync(withOld, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }
}
