using NhiPlatform.TokenService.Identities;

namespace NhiPlatform.TokenService.Tests.Identities;

public sealed class IdentityRegistrarTests
{
    [Theory]
    [InlineData("Orders API", "orders-api")]
    [InlineData("  Nightly   Report job! ", "nightly-report-job")]
    [InlineData("***", "identity")]
    [InlineData("Ünïcode Service", "n-code-service")]
    public void Slug_DisplayName_IsReadableSlug(string name, string expected)
    {
        Assert.Equal(expected, IdentityRegistrar.Slug(name));
    }

    [Fact]
    public void Slug_LongName_IsCappedAt40()
    {
        Assert.True(IdentityRegistrar.Slug(new string('a', 100)).Length <= 40);
    }
}
