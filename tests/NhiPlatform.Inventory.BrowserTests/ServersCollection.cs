using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.BrowserTests;

/// <summary>Real PostgreSQL and Redis for the browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "browser-servers";
}
