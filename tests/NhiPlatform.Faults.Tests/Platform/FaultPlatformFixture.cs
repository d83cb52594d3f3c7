using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using NhiPlatform.Contracts;
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

    /// <summary>
    /// No dashboard runs here, yet the orchestrator still points every service's telemetry at its address: each stop
    /// would then wait out the exporter's 10 s flush, longer than the orchestrator waits before it kills the service.
    /// </summary>
    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(NhiConfigurationKeys.OtlpEndpoint, string.Empty);
        }
    }
}
