using NhiPlatform.TokenValidation.Authorization;

namespace NhiPlatform.TokenValidation.Tests.Authorization;

public sealed class ScopePoliciesTests
{
    [Fact]
    public void For_TwoScopes_RoundTrips()
    {
        Assert.True(ScopePolicies.TryParse(ScopePolicies.For("a", "b"), out var scopes));
        Assert.Equal(["a", "b"], scopes);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("scope:")]
    [InlineData("scope:   ")]
    [InlineData("Scope:a")]
    public void TryParse_NotAScopePolicy_IsFalse(string name)
    {
        Assert.False(ScopePolicies.TryParse(name, out _));
    }
}
