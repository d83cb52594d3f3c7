using NhiPlatform.Testing;

namespace NhiPlatform.Faults.Tests;

/// <summary>Its own PostgreSQL and Redis: the suite stops and restarts both, which must disturb no other collection.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "faults";
}
