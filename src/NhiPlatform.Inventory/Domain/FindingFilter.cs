namespace NhiPlatform.Inventory.Domain;

/// <summary>Filters over findings; null means any.</summary>
internal sealed record FindingFilter(
    string? Status = null, string? Severity = null, string? Rule = null, string? ClientId = null, int Limit = 500, FindingPosition? After = null);

/// <summary>Where a page of findings goes on from: the last finding of the page before, by severity rank and id.</summary>
internal sealed record FindingPosition(int SeverityRank, long Id);
