namespace NhiPlatform.Contracts.LocalRun;

/// <summary>
/// <c>.nhi/endpoints.json</c>, written by the LocalHost once every resource is healthy. Scripts, the CLI and tests
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

    /// <summary>Every gateway replica's URL when the LocalHost runs more than one; the first is <see cref="Gateway"/>.</summary>
    public IReadOnlyList<string> GatewayReplicas { get; init; } = [];

    /// <summary>Other services (samples) by resource name.</summary>
    public IReadOnlyDictionary<string, string> Services { get; init; } = new Dictionary<string, string>();
}
