using NhiPlatform.TokenService.Credentials;

namespace NhiPlatform.TokenService.Tests.Credentials;

public sealed class ClientSecretFormatTests
{
    [Fact]
    public void Generate_Always_HasPrefixLengthAndValidChecksum()
    {
        var secret = ClientSecretFormat.Generate();

        Assert.StartsWith("nhi_sk_", secret, StringComparison.Ordinal);
        Assert.Equal(7 + 64 + 8, secret.Length);
        Assert.True(ClientSecretFormat.IsWellFormed(secret));
    }

    [Fact]
    public void Generate_TwoCalls_Differ()
    {
        Assert.NotEqual(ClientSecretFormat.Generate(), ClientSecretFormat.Generate());
    }

    [Fact]
    public void IsWellFormed_OneDigitChanged_IsFalse()
    {
        var secret = ClientSecretFormat.Generate();
        var tampered = secret[..10] + (secret[10] == 'a' ? 'b' : 'a') + secret[11..];

        Assert.False(ClientSecretFormat.IsWellFormed(tampered));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nhi_sk_")]
    [InlineData("password123")]
    [InlineData("nhi_pk_0000000000000000000000000000000000000000000000000000000000000000abcdabcd")]
    public void IsWellFormed_NotOurShape_IsFalse(string candidate)
    {
        Assert.False(ClientSecretFormat.IsWellFormed(candidate));
    }
}
