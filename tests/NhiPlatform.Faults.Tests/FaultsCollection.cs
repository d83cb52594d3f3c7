using NhiPlatform.Faults.Tests.Platform;

namespace NhiPlatform.Faults.Tests;

/// <summary>The platform of its own the suite stops and restarts parts of: no other collection may be disturbed by that.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultPlatformFixture>
{
    public const string Name = "faults";
}
