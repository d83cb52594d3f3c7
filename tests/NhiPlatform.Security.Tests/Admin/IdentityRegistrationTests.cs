using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Admin;

/// <summary>Registration refuses what could never work: an identity created already expired is a 400 naming the field.</summary>
[Collection(SecurityCollection.Name)]
public sealed class IdentityRegistrationTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Create_ExpiresAtInThePast_IsValidationProblemNamingExpiresAt()
    {
        using var response = await platform.Client.AdminAsync(HttpMethod.Post, "/api/admin/identities", new
        {
            displayName = "born expired", owner = "team-security", purpose = "security suite", allowedScopes = new[] { NhiScopes.EchoRead },
            expiresAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("expiresAt", out _), problem.ToString());
    }
}
