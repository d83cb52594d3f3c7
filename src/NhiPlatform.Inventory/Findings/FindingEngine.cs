using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Findings;

/// <summary>Runs every rule over a fresh snapshot at the provider's now, records the outcome, notifies what is new.</summary>
internal sealed class FindingEngine(
    IEnumerable<IFindingRule> rules, IInventoryReader reader, IFindingStore store, IFindingNotifier notifier, ILiveChangePublisher live,
    IOptions<FindingsOptions> options, InventoryIssuer issuer, TimeProvider timeProvider, ILogger<FindingEngine> logger)
{
    public async Task<EvaluationResult> EvaluateAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var snapshot = await reader.LoadSnapshotAsync(now.AddDays(-settings.SpikeBaselineDays - 1), cancellationToken);
        var context = new FindingContext(snapshot, now, settings, issuer.Value);
        var ruleList = rules.ToList();
        var detected = ruleList.SelectMany(r => r.Evaluate(context)).ToList();
        var fresh = await store.RecordEvaluationAsync(detected, [.. ruleList.Select(r => r.Name)], now, cancellationToken);
        FindingsLog.Evaluated(logger, detected.Count, fresh.Count);
        var high = fresh.Where(f => f.Severity == FindingSeverity.High).ToList();
        if (high.Count > 0)
        {
            await notifier.NotifyAsync(high, cancellationToken);
        }

        await live.PublishAsync(LiveChangeKinds.Findings, cancellationToken);
        return new EvaluationResult(now, detected.Count, fresh.Count);
    }
}
