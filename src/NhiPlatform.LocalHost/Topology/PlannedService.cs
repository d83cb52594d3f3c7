using System.Globalization;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>One service process of the topology, with the port chosen for it up front.</summary>
internal sealed record PlannedService
{
    /// <summary>Its label (<c>tokens</c>, <c>gateway</c>, <c>gateway-2</c>): console prefix and log file name.</summary>
    public required string Name { get; init; }

    public required ServiceProject Project { get; init; }

    public required int Port { get; init; }

    public required string AssemblyPath { get; init; }

    /// <summary>Services that must be healthy before this one starts.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Arguments after the assembly path.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>A one-shot step (the demo seeding): done when it exits 0, not when it answers <c>/health</c>.</summary>
    public bool RunsToCompletion { get; init; }

    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");
}
