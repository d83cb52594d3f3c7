using System.Text.Json;

namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>One audit-log row: who did what to which identity, with the state before and after (no secrets).</summary>
public sealed record AuditEntryResponse
{
    public required long Id { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string Target { get; init; }
    public JsonElement? Before { get; init; }
    public JsonElement? After { get; init; }
    public string? Reason { get; init; }
}
