using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Gateway.RateLimiting;
using NhiPlatform.Gateway.Routing;

namespace NhiPlatform.Gateway.Tests.RateLimiting;

public sealed class IdentityRateLimiterTests
{
    private static readonly RouteRateLimit ThreePerSecond = new(3, TimeSpan.FromSeconds(1));

    [Fact]
    public void TryAcquire_BeyondLimit_RefusesWithRetryAfterUntilWindowEnds()
    {
        var time = new FakeTimeProvider();
        using var limiter = new IdentityRateLimiter(time);

        Assert.True(limiter.TryAcquire("echo", "a", ThreePerSecond, out _));
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(limiter.TryAcquire("echo", "a", ThreePerSecond, out _));
        Assert.True(limiter.TryAcquire("echo", "a", ThreePerSecond, out _));
        Assert.False(limiter.TryAcquire("echo", "a", ThreePerSecond, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(600), retryAfter);

        time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.True(limiter.TryAcquire("echo", "a", ThreePerSecond, out _));
    }

    [Fact]
    public void TryAcquire_OtherIdentityOrRoute_HasItsOwnWindow()
    {
        using var limiter = new IdentityRateLimiter(new FakeTimeProvider());
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.TryAcquire("echo", "a", ThreePerSecond, out _));
        }

        Assert.False(limiter.TryAcquire("echo", "a", ThreePerSecond, out _));
        Assert.True(limiter.TryAcquire("echo", "b", ThreePerSecond, out _));
        Assert.True(limiter.TryAcquire("admin", "a", ThreePerSecond, out _));
    }

    [Fact]
    public void Sweep_IdleWindows_AreForgotten()
    {
        var time = new FakeTimeProvider();
        using var limiter = new IdentityRateLimiter(time);
        limiter.TryAcquire("echo", "a", ThreePerSecond, out _);

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, limiter.TrackedCount);
    }
}
