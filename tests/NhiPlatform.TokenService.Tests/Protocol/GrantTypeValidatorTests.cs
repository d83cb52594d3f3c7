using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Tests.Protocol;

public sealed class GrantTypeValidatorTests
{
    [Theory]
    [InlineData(null, OAuthErrors.InvalidRequest)]
    [InlineData("password", OAuthErrors.UnsupportedGrantType)]
    [InlineData("authorization_code", OAuthErrors.UnsupportedGrantType)]
    [InlineData("CLIENT_CREDENTIALS", OAuthErrors.UnsupportedGrantType)]
    public void Validate_NotClientCredentials_IsRejected(string? grantType, string expected)
    {
        var error = GrantTypeValidator.Validate(new TokenRequest { GrantType = grantType, AuthenticationMethod = ClientAuthenticationMethod.None });

        Assert.Equal(expected, error?.Error);
    }

    [Fact]
    public void Validate_ClientCredentials_Passes()
    {
        Assert.Null(GrantTypeValidator.Validate(new TokenRequest
        {
            GrantType = "client_credentials",
            AuthenticationMethod = ClientAuthenticationMethod.ClientSecretBasic,
        }));
    }
}
