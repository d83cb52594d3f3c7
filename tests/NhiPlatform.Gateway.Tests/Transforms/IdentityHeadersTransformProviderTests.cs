using NhiPlatform.Gateway.Transforms;

namespace NhiPlatform.Gateway.Tests.Transforms;

public sealed class IdentityHeadersTransformProviderTests
{
    [Theory]
    [InlineData("X-Nhi-Client-Id", true)]
    [InlineData("x-nhi-scopes", true)]
    [InlineData("X-NHI-Anything", true)]
    [InlineData("X-Forwarded-For", false)]
    [InlineData("Authorization", false)]
    public void IsIdentityHeader_Name_IsRecognized(string name, bool expected)
    {
        Assert.Equal(expected, IdentityHeadersTransformProvider.IsIdentityHeader(name));
    }
}
