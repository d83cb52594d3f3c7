namespace NhiPlatform.Inventory.Domain;

/// <summary>What one rule found about one subject in one evaluation.</summary>
internal sealed record DetectedFinding(
    string Rule, string Subject, string? ClientId, string Severity, string Title, IReadOnlyDictionary<string, string> Evidence);
