using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Admin;

/// <summary>Rotating again and again within the grace period leaves a few working secrets, not one per rotation.</summary>
[Collection(SecurityCollection.Name)]
public sealed class SecretRotationCapTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Rotate_FiveTimesWithinGrace_OnlyTheNewestAndTwoSupersededWork()
    {
        var (clientId, first) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        List<string> issued = [first];
        for (var i = 0; i < 5; i++)
        {
            using var rotated = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials/rotate");
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
            var secret = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("clientSecret").GetString()!;
            platform.Sensitive.AddSecret(secret);
            issued.Add(secret);
        }

        var working = new List<string>();
        foreach (var secret in issued)
        {
            using var response = await platform.Client.RequestTokenAsync(clientId, secret, NhiScopes.EchoRead);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                working.Add(secret);
            }
        }

        Assert.Equal(issued.TakeLast(3), working);
    }
}
