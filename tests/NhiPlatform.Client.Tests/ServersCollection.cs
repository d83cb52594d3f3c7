using NhiPlatform.Testing;

namespace NhiPlatform.Client.Tests;

/// <summary>One real PostgreSQL and Redis for every test class of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "servers";
}
