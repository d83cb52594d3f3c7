using NhiPlatform.Testing.Platform;

namespace NhiPlatform.Faults.Tests.Platform;

/// <summary>
/// The platform the fault suite breaks: the real AppHost with two gateway replicas behind the orchestrator's proxy, and
/// PostgreSQL and Redis of its own (it stops them, so no other collection may share this platform).
/// </summary>
public sealed class FaultPlatformFixture : AppHostPlatformFixture
{
    public const int GatewayReplicas = 2;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Nhi:Host:GatewayReplicas"] = GatewayReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
