namespace NhiPlatform.TokenService.Domain;

/// <summary>One row of the append-only audit log; <see cref="Before"/>/<see cref="After"/> are JSON without secrets.</summary>
internal sealed record AuditEntry
{
    public long Id { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string Target { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Reason { get; init; }
}
