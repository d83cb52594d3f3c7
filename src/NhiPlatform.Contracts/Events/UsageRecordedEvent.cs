namespace NhiPlatform.Contracts.Events;

/// <summary>
/// One request seen by the gateway, allowed or denied (schema v1, stream <see cref="NhiStreams.Usage"/>).
/// Fields are only ever added in a new minor shape; a breaking change gets a new <see cref="SchemaVersion"/>.
/// </summary>
public sealed record UsageRecordedEvent
{
    public const string TypeName = "usage.recorded";
    public const int CurrentSchemaVersion = 1;

    /// <summary>Unique id; the inventory stores each id once, so replays are harmless.</summary>
    public required Guid EventId { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When the request arrived (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The verified client id, or null when the caller was not authenticated.</summary>
    public string? ClientId { get; init; }

    /// <summary>The verified token's <c>jti</c>.</summary>
    public string? TokenId { get; init; }

    /// <summary>Issuer read from a token that failed validation: reveals hidden callers, never trusted.</summary>
    public string? UnverifiedIssuer { get; init; }

    /// <summary>Subject read from a token that failed validation: reveals hidden callers, never trusted.</summary>
    public string? UnverifiedSubject { get; init; }

    /// <summary>The gateway route id, or null when no route matched.</summary>
    public string? RouteId { get; init; }

    /// <summary>The downstream cluster (service) the route leads to.</summary>
    public string? Destination { get; init; }

    public required string Method { get; init; }

    /// <summary>Request path, without the query string (which may carry secrets).</summary>
    public required string Path { get; init; }

    public required int Status { get; init; }

    public required double LatencyMs { get; init; }

    public string? SourceAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary><see cref="UsageDecisions"/>: allowed, or denied by the gateway.</summary>
    public required string Decision { get; init; }

    /// <summary><see cref="UsageReasons"/>: why a request was denied or failed; null when it was served.</summary>
    public string? Reason { get; init; }

    /// <summary>Scopes of the verified token, space separated.</summary>
    public string? Scopes { get; init; }

    /// <summary>
    /// How the client authenticated to get the verified token (<see cref="NhiAuthenticationMethods"/>, from its
    /// <see cref="NhiClaims.AuthenticationMethod"/> claim); null for tokens issued before the claim existed.
    /// </summary>
    public string? AuthenticationMethod { get; init; }

    /// <summary>The credential the client authenticated with (<see cref="NhiClaims.CredentialId"/>).</summary>
    public string? CredentialId { get; init; }
}
