namespace NhiPlatform.TokenService.Domain;

/// <summary>Filters of the audit log; null means any. Newest first, at most <see cref="Limit"/> rows before <see cref="BeforeId"/>.</summary>
internal sealed record AuditQuery(string? Target, string? Actor, string? Action, DateTimeOffset? Since, long? BeforeId, int Limit);
