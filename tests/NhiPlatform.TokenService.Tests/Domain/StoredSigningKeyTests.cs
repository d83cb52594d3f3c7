using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Tests.Domain;

public sealed class StoredSigningKeyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(70);

    private static StoredSigningKey Key(DateTimeOffset activates, DateTimeOffset? retired = null, DateTimeOffset? revoked = null) => new()
    {
        KeyId = "k", Algorithm = "RS256", ProtectedPrivateKey = "x", CreatedAt = T0, ActivatesAt = activates, RetiredAt = retired, RevokedAt = revoked,
    };

    [Fact]
    public void Pending_IsPublishedButDoesNotSign()
    {
        var key = Key(T0.AddMinutes(10));

        Assert.False(key.SignsAt(T0));
        Assert.True(key.IsPublishedAt(T0, Retention));
        Assert.True(key.SignsAt(T0.AddMinutes(10)));
    }

    [Fact]
    public void Retired_StaysPublishedForRetentionOnly()
    {
        var key = Key(T0, retired: T0.AddMinutes(1));

        Assert.False(key.SignsAt(T0.AddMinutes(2)));
        Assert.True(key.IsPublishedAt(T0.AddMinutes(70), Retention));
        Assert.False(key.IsPublishedAt(T0.AddMinutes(72), Retention));
    }

    [Fact]
    public void Revoked_IsNeitherPublishedNorSigning()
    {
        var key = Key(T0, revoked: T0);

        Assert.False(key.SignsAt(T0.AddSeconds(1)));
        Assert.False(key.IsPublishedAt(T0.AddSeconds(1), Retention));
    }
}
