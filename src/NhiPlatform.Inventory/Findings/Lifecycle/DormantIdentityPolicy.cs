using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings.Rules;

namespace NhiPlatform.Inventory.Findings.Lifecycle;

/// <summary>
/// Disables identities with an open dormant finding (an acknowledged one was accepted by an operator and is left
/// alone). Off by default; a dry run lists what it would do and changes nothing.
/// </summary>
internal sealed class DormantIdentityPolicy(
    IFindingStore findings, IInventoryReader reader, ITokenServiceAdmin admin, IOptions<LifecycleOptions> options, ILogger<DormantIdentityPolicy> logger)
{
    public async Task<IReadOnlyList<LifecycleAction>> ApplyAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var apply = settings.DisableDormant && !dryRun;
        if (!settings.DisableDormant && !dryRun)
        {
            return [];
        }

        var actions = new List<LifecycleAction>();
        var dormant = await findings.ListAsync(new FindingFilter(Status: FindingStatus.Open, Rule: DormantIdentityRule.RuleName), cancellationToken);
        foreach (var finding in dormant.Where(f => f.ClientId is not null))
        {
            var identity = await reader.GetIdentityAsync(finding.ClientId!, cancellationToken);
            if (identity is not { Status: "active" })
            {
                continue;
            }

            var lastUsed = (await reader.GetCallerAsync(identity.ClientId, cancellationToken))?.LastSeen;
            int? status = null;
            if (apply)
            {
                status = await admin.DisableIdentityAsync(identity.ClientId, settings.Reason, cancellationToken);
                if (status is >= 200 and < 300)
                {
                    FindingsLog.Disabled(logger, identity.ClientId);
                }
                else
                {
                    FindingsLog.DisableFailed(logger, identity.ClientId, status.Value);
                }
            }

            actions.Add(new LifecycleAction(identity.ClientId, "disable", settings.Reason, lastUsed, apply && status is >= 200 and < 300, status));
        }

        return actions;
    }
}
