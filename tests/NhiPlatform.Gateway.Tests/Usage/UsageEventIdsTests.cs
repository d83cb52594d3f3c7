using NhiPlatform.Gateway.Usage;

namespace NhiPlatform.Gateway.Tests.Usage;

public sealed class UsageEventIdsTests
{
    [Fact]
    public void Create_IsAVersion7UuidOfTheGivenMillisecond_LikeTheRuntimes()
    {
        var at = new DateTimeOffset(2026, 11, 23, 14, 59, 1, 234, TimeSpan.Zero);

        var id = UsageEventIds.Create(at);
        var reference = Guid.CreateVersion7(at);

        Assert.Equal(7, id.Version);
        // RFC 9562 variant: the top two bits of octet 8 are 10 (Guid.Variant is that octet's high nibble: 8 to B).
        Assert.Equal(0x8, id.Variant & 0xC);
        Assert.Equal(0x8, reference.Variant & 0xC);
        // The first 48 bits are the Unix time in milliseconds, as in the runtime's own version 7 UUIDs.
        Assert.Equal(reference.ToString()[..13], id.ToString()[..13]);
    }

    [Fact]
    public void Create_SameMillisecond_ManyIds_AllDistinct_AndOrderedByTimeAcrossMilliseconds()
    {
        var at = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 100_000).Select(_ => UsageEventIds.Create(at)).ToHashSet();
        Assert.Equal(100_000, ids.Count);

        var earlier = UsageEventIds.Create(at);
        var later = UsageEventIds.Create(at.AddMilliseconds(1));
        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
    }
}
