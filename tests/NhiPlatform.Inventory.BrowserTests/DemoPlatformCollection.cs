using NhiPlatform.Testing.Platform;

namespace NhiPlatform.Inventory.BrowserTests;

/// <summary>One <c>./run.sh --demo</c> platform, dashboard included, for the pages an operator looks at.</summary>
[CollectionDefinition(Name)]
public sealed class DemoPlatformCollection : ICollectionFixture<DemoPlatformFixture>
{
    public const string Name = "demo-platform";
}

/// <summary>The platform under the real AppHost with the demo and the Aspire dashboard.</summary>
public sealed class DemoPlatformFixture : AppHostPlatformFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Nhi:Host:Demo"] = "true" };

    protected override bool Dashboard => true;
}
