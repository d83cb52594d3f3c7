using NhiPlatform.Testing.Platform;

namespace NhiPlatform.AppHost.Tests;

/// <summary>One platform under the real AppHost, with its dashboard, for every class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>The platform as ./run.sh starts it, dashboard included (its telemetry API shows the traces).</summary>
public sealed class PlatformFixture : AppHostPlatformFixture
{
    protected override bool Dashboard => true;
}
