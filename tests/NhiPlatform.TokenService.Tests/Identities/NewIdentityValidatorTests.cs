using NhiPlatform.TokenService.Identities;

namespace NhiPlatform.TokenService.Tests.Identities;

public sealed class NewIdentityValidatorTests
{
    private static NewIdentity Valid() => new(null, "Orders", "team-orders", "Calls billing", ["billing.charge"]);

    [Fact]
    public void Validate_Complete_HasNoErrors()
    {
        Assert.Empty(NewIdentityValidator.Validate(Valid()));
    }

    [Fact]
    public void Validate_MissingOwnerAndPurpose_NamesBoth()
    {
        var errors = NewIdentityValidator.Validate(Valid() with { Owner = " ", Purpose = "" });

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
        Assert.Contains("clientId", NewIdentityValidator.Validate(Valid() with { ClientId = clientId }).Keys);
    }

    [Fact]
    public void Validate_ScopeWithSpace_IsRejected()
    {
        Assert.Contains("allowedScopes", NewIdentityValidator.Validate(Valid() with { AllowedScopes = ["a b"] }).Keys);
    }
}
