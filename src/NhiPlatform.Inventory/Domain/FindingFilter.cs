namespace NhiPlatform.Inventory.Domain;

/// <summary>Filters over findings; null means any.</summary>
internal sealed record FindingFilter(string? Status = null, string? Severity = null, string? Rule = null, string? ClientId = null, int Limit = 500);
