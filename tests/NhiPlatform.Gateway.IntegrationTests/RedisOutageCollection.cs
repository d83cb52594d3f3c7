using NhiPlatform.Testing;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>Its own PostgreSQL and Redis: the tests here stop Redis, which must not disturb the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class RedisOutageCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "redis-outage";
}
