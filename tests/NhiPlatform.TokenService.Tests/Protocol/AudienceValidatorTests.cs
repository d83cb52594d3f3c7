using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Tests.Protocol;

public sealed class AudienceValidatorTests
{
    private static readonly Identity Identity = new()
    {
        ClientId = "c", DisplayName = "d", Owner = "o", Purpose = "p", AllowedScopes = [],
        AllowedAudiences = ["https://orders.internal"],
        CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "t", UpdatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = "t",
    };

    [Theory]
    [InlineData(null, "nhi-gateway")]
    [InlineData("nhi-gateway", "nhi-gateway")]
    [InlineData("https://orders.internal", "https://orders.internal")]
    public void Validate_AllowedOrOmitted_ReturnsAudience(string? requested, string expected)
    {
        var (audience, error) = AudienceValidator.Validate(requested, Identity, "nhi-gateway");

        Assert.Null(error);
        Assert.Equal(expected, audience);
    }

    [Fact]
    public void Validate_OtherResource_IsInvalidTarget()
    {
        var (_, error) = AudienceValidator.Validate("https://payments.internal", Identity, "nhi-gateway");

        Assert.Equal(OAuthErrors.InvalidTarget, error?.Error);
    }
}
