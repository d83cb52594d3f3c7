using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings;

/// <summary>One kind of finding; pure over the snapshot and the evaluation's instant.</summary>
internal interface IFindingRule
{
    string Name { get; }

    IEnumerable<DetectedFinding> Evaluate(FindingContext context);
}
