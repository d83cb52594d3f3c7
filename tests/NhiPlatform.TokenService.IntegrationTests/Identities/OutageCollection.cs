using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Identities;

/// <summary>Servers of their own for tests that stop Redis or PostgreSQL, so other classes never see the outage.</summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<LocalServersFixture>
{
    public const string Name = "token-service-outages";
}
