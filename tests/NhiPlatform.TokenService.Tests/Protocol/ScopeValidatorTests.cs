using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Tests.Protocol;

public sealed class ScopeValidatorTests
{
    private static readonly string[] Allowed = ["echo.read", "billing.charge"];

    [Fact]
    public void Validate_Omitted_GrantsAllAllowed()
    {
        var (scopes, error) = ScopeValidator.Validate(null, Allowed);

        Assert.Null(error);
        Assert.Equal(Allowed, scopes);
    }

    [Fact]
    public void Validate_Subset_GrantsIt()
    {
        var (scopes, error) = ScopeValidator.Validate("echo.read", Allowed);

        Assert.Null(error);
        Assert.Equal(["echo.read"], scopes);
    }

    [Theory]
    [InlineData("echo.write")]
    [InlineData("ECHO.READ")]
    [InlineData("echo.read2")]
    [InlineData("echo.read nhi.admin")]
    public void Validate_OutsideAllowed_IsInvalidScope(string requested)
    {
        var (_, error) = ScopeValidator.Validate(requested, Allowed);

        Assert.Equal(OAuthErrors.InvalidScope, error?.Error);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("echo\"read")]
    [InlineData("echo\\read")]
    public void Validate_Malformed_IsInvalidScope(string requested)
    {
        var (_, error) = ScopeValidator.Validate(requested, Allowed);

        Assert.Equal(OAuthErrors.InvalidScope, error?.Error);
    }

    [Fact]
    public void Validate_Repeated_IsGrantedOnce()
    {
        var (scopes, error) = ScopeValidator.Validate("echo.read echo.read", Allowed);

        Assert.Null(error);
        Assert.Equal(["echo.read"], scopes);
    }
}
