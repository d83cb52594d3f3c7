using StackExchange.Redis;

namespace NhiPlatform.TokenService.IntegrationTests;

/// <summary>Waits (bounded) for state written asynchronously, e.g. by the outbox publisher; fails with the last value.</summary>
internal static class Eventually
{
    public static async Task<RedisValue> ValueAsync(Func<Task<RedisValue>> read, int timeoutSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var value = await read();
            if (value.HasValue || DateTime.UtcNow > deadline)
            {
                Assert.True(value.HasValue, "The value did not appear in time.");
                return value;
            }

            await Task.Delay(50);
        }
    }

    public static async Task<T> TrueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, int timeoutSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var value = await read();
            if (condition(value) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(value), "The condition did not hold in time.");
                return value;
            }

            await Task.Delay(50);
        }
    }
}
