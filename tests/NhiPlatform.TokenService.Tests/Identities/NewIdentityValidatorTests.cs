using NhiPlatform.TokenService.Identities;

namespace NhiPlatform.TokenService.Tests.Identities;

public sealed class NewIdentityValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static NewIdentity Valid() => new(null, "Orders", "team-orders", "Calls billing", ["billing.charge"]);

    [Fact]
    public void Validate_Complete_HasNoErrors()
    {
        Assert.Empty(NewIdentityValidator.Validate(Valid(), Now));
    }

    [Fact]
    public void Validate_MissingOwnerAndPurpose_NamesBoth()
    {
        var errors = NewIdentityValidator.Validate(Valid() with { Owner = " ", Purpose = "" }, Now);

        Assert.Contains("owner", errors.Keys);
        Assert.Contains("purpose", errors.Keys);
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("Upper-Case")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    public void Validate_BadClientId_IsRejected(string clientId)
    {
        Assert.Contains("clientId", NewIdentityValidator.Validate(Valid() with { ClientId = clientId }, Now).Keys);
    }

    [Fact]
    public void Validate_ScopeWithSpace_IsRejected()
    {
        Assert.Contains("allowedScopes", NewIdentityValidator.Validate(Valid() with { AllowedScopes = ["a b"] }, Now).Keys);
    }

    [Fact]
    public void Validate_ExpiresAtInThePast_IsRejected_FutureIsNot()
    {
        Assert.Contains("expiresAt", NewIdentityValidator.Validate(Valid() with { ExpiresAt = Now.AddSeconds(-1) }, Now).Keys);
        Assert.Contains("expiresAt", NewIdentityValidator.Validate(Valid() with { ExpiresAt = Now }, Now).Keys);
        Assert.Empty(NewIdentityValidator.Validate(Valid() with { ExpiresAt = Now.AddDays(1) }, Now));
    }
}
