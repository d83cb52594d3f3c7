namespace NhiPlatform.Inventory.Findings;

/// <summary>One evaluation: when, how many findings hold, how many are new or reopened.</summary>
public sealed record EvaluationResult(DateTimeOffset EvaluatedAt, int Detected, int New);
