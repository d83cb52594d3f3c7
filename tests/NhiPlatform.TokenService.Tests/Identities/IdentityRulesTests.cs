using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;

namespace NhiPlatform.TokenService.Tests.Identities;

public sealed class IdentityRulesTests
{
    private static Identity Valid() => IdentityRegistrar.Draft(
        new NewIdentity(null, "Orders", "team-orders", "Calls billing", ["billing.charge", "billing.read"]) { DefaultScopes = ["billing.read"] },
        "orders", DateTimeOffset.UnixEpoch, "tester");

    [Fact]
    public void Validate_Valid_HasNoErrors() => Assert.Empty(IdentityRules.Validate(Valid()));

    [Fact]
    public void Validate_DefaultScopeNotAllowed_IsError() =>
        Assert.Contains("defaultScopes", IdentityRules.Validate(Valid() with { DefaultScopes = ["other"] }).Keys);

    [Theory]
    [InlineData(29)]
    [InlineData(3601)]
    public void Validate_TokenLifetimeOutsidePolicy_IsError(int seconds) =>
        Assert.Contains("tokenLifetimeSeconds", IdentityRules.Validate(Valid() with { TokenLifetimeSeconds = seconds }).Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Validate_CredentialMaxAgeOutsidePolicy_IsError(int days) =>
        Assert.Contains("credentialMaxAgeDays", IdentityRules.Validate(Valid() with { CredentialMaxAgeDays = days }).Keys);

    [Fact]
    public void Validate_BadTagKeyOrAudience_AreErrors()
    {
        var errors = IdentityRules.Validate(Valid() with
        {
            Tags = new Dictionary<string, string> { ["bad key"] = "x" },
            AllowedAudiences = ["has space"],
        });

        Assert.Contains("tags", errors.Keys);
        Assert.Contains("allowedAudiences", errors.Keys);
    }

    [Fact]
    public void Draft_WithoutDefaultScopes_DefaultsToAllAllowed()
    {
        var identity = IdentityRegistrar.Draft(new NewIdentity(null, "n", "o", "p", ["a", "b", "a"]), "id", DateTimeOffset.UnixEpoch, "t");

        Assert.Equal(["a", "b"], identity.DefaultScopes);
        Assert.Equal(IdentityLimits.DefaultTokenLifetimeSeconds, identity.TokenLifetimeSeconds);
        Assert.Equal(IdentityLimits.DefaultCredentialMaxAgeDays, identity.CredentialMaxAgeDays);
    }

    [Fact]
    public void CutOffAfter_IsTheNextWholeSecond()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_001), IdentityChangeFactory.CutOffAfter(now));
    }
}
