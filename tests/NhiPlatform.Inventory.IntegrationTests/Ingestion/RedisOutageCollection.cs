using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>Servers of their own: stopping Redis here disturbs no other test class.</summary>
[CollectionDefinition(Name)]
public sealed class RedisOutageCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "redis-outage";
}
