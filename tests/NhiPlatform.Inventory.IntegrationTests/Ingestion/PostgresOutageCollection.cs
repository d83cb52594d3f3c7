using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>Servers of their own: stopping PostgreSQL here disturbs no other test class.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresOutageCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "postgres-outage";
}
