using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>An identity calling from an address first seen recently, when it had called from others before.</summary>
internal sealed class NewSourceAddressRule : IFindingRule
{
    public const string RuleName = "new_source_address";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var since = context.Now - context.Options.NewActivityWindow;
        foreach (var group in context.Snapshot.Sources.GroupBy(s => s.Caller, StringComparer.Ordinal))
        {
            var earliest = group.Min(s => s.FirstSeen);
            foreach (var source in group.Where(s => s.FirstSeen >= since && s.FirstSeen > earliest))
            {
                yield return new DetectedFinding(RuleName, $"{source.Caller}|{source.SourceAddress}", source.Caller, FindingSeverity.Low,
                    $"'{source.Caller}' called from a new address {source.SourceAddress}",
                    FindingContext.Evidence(("sourceAddress", source.SourceAddress), ("firstSeen", source.FirstSeen),
                        ("knownAddresses", string.Join(' ', group.Where(s => s.FirstSeen < since).Select(s => s.SourceAddress)))));
            }
        }
    }
}
