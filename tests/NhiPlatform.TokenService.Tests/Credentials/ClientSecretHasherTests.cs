using System.Security.Cryptography;
using NhiPlatform.TokenService.Credentials;

namespace NhiPlatform.TokenService.Tests.Credentials;

public sealed class ClientSecretHasherTests
{
    private static ClientSecretHasher CreateHasher(byte[]? key = null)
    {
        var hasher = new ClientSecretHasher();
        hasher.Initialize(key ?? RandomNumberGenerator.GetBytes(32));
        return hasher;
    }

    [Fact]
    public void MatchesAny_SameSecret_IsTrue()
    {
        var hasher = CreateHasher();
        var secret = ClientSecretFormat.Generate();

        Assert.True(hasher.MatchesAny(secret, [hasher.Digest(ClientSecretFormat.Generate()), hasher.Digest(secret)]));
    }

    [Fact]
    public void MatchesAny_OtherSecret_IsFalse()
    {
        var hasher = CreateHasher();

        Assert.False(hasher.MatchesAny(ClientSecretFormat.Generate(), [hasher.Digest(ClientSecretFormat.Generate())]));
    }

    [Fact]
    public void Digest_DifferentKeys_Differ()
    {
        var secret = ClientSecretFormat.Generate();

        Assert.NotEqual(CreateHasher().Digest(secret), CreateHasher().Digest(secret));
    }

    [Fact]
    public void Digest_NotInitialized_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new ClientSecretHasher().Digest("x"));
    }

    [Fact]
    public void Initialize_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ClientSecretHasher().Initialize(new byte[16]));
    }

    [Fact]
    public void IndexOfMatch_FindsTheMatchingDigest_OrMinusOne()
    {
        var hasher = new ClientSecretHasher();
        hasher.Initialize(new byte[32]);
        var a = ClientSecretFormat.Generate();
        var b = ClientSecretFormat.Generate();

        Assert.Equal(1, hasher.IndexOfMatch(b, [hasher.Digest(a), hasher.Digest(b)]));
        Assert.Equal(-1, hasher.IndexOfMatch(ClientSecretFormat.Generate(), [hasher.Digest(a), hasher.Digest(b)]));
    }
}
