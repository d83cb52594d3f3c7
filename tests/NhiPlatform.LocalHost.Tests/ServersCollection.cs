using NhiPlatform.Testing;

namespace NhiPlatform.LocalHost.Tests;

/// <summary>One real PostgreSQL and Redis for the test classes that only need running servers.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "servers";
}
