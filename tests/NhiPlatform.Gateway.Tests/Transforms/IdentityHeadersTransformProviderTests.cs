using Microsoft.Extensions.Options;
using NhiPlatform.Gateway.Transforms;

namespace NhiPlatform.Gateway.Tests.Transforms;

public sealed class IdentityHeadersTransformProviderTests
{
    private static IdentityHeadersTransformProvider Provider(params string[] configured)
    {
        var options = new IdentityHeadersOptions();
        foreach (var name in configured)
        {
            options.Strip.Add(name);
        }

        return new IdentityHeadersTransformProvider(Options.Create(options));
    }

    [Theory]
    [InlineData("X-Nhi-Client-Id", true)]
    [InlineData("x-nhi-scopes", true)]
    [InlineData("X-NHI-Anything", true)]
    [InlineData("X-Forwarded-User", true)]
    [InlineData("x-remote-user", true)]
    [InlineData("X-Forwarded-Client-Cert", true)]
    [InlineData("X-MS-CLIENT-PRINCIPAL", true)]
    [InlineData("X-Forwarded-For", false)]
    [InlineData("Authorization", false)]
    [InlineData("Traceparent", false)]
    public void IsIdentityHeader_Name_IsRecognized(string name, bool expected)
    {
        Assert.Equal(expected, Provider().IsIdentityHeader(name));
    }

    [Fact]
    public void IsIdentityHeader_ConfiguredName_IsAddedToTheDefaults()
    {
        var provider = Provider("X-Acme-Principal");

        Assert.True(provider.IsIdentityHeader("x-acme-principal"));
        Assert.True(provider.IsIdentityHeader("X-Forwarded-User"));
    }
}
