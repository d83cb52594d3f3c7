namespace NhiPlatform.Contracts.LocalRun;

/// <summary>
/// <c>.nhi/endpoints.json</c>, written by the AppHost once every service is healthy. Scripts, the CLI and tests
/// read it instead of knowing ports.
/// </summary>
public sealed record EndpointsDocument
{
    public const string FileName = "endpoints.json";

    public required string Gateway { get; init; }
    public required string Tokens { get; init; }
    public required string Inventory { get; init; }
    public required string Postgres { get; init; }
    public required string Redis { get; init; }

    /// <summary>Where clients reach the gateway (one URL: replicas share it behind the orchestrator's proxy).</summary>
    public IReadOnlyList<string> GatewayReplicas { get; init; } = [];

    /// <summary>The Aspire dashboard (processes, logs, traces, metrics), when it runs; its login token is not here.</summary>
    public string? Dashboard { get; init; }

    /// <summary>Other services (samples) by resource name.</summary>
    public IReadOnlyDictionary<string, string> Services { get; init; } = new Dictionary<string, string>();
}
