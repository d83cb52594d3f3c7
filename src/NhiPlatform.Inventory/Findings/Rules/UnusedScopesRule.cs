using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// Scopes granted to an identity that none of its tokens carried on an allowed call during the observation window
/// (judged once the identity is older than the window): least privilege says take them away.
/// </summary>
internal sealed class UnusedScopesRule : IFindingRule
{
    public const string RuleName = "unused_scopes";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var observedSince = context.Now - context.Options.ScopeObservationWindow;
        var used = context.Snapshot.Edges
            .Where(e => e.CallerKind == "identity")
            .GroupBy(e => e.Caller, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Scopes).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var identity in context.ActiveIdentities.Where(i => i.CreatedAt <= observedSince && i.AllowedScopes.Count > 0))
        {
            var usedScopes = used.GetValueOrDefault(identity.ClientId) ?? [];
            var unused = identity.AllowedScopes.Where(s => !usedScopes.Contains(s)).Order(StringComparer.Ordinal).ToList();
            if (unused.Count > 0)
            {
                yield return new DetectedFinding(RuleName, identity.ClientId, identity.ClientId, FindingSeverity.Medium,
                    $"Identity '{identity.ClientId}' is granted scopes it never used: {string.Join(' ', unused)}",
                    FindingContext.Evidence(("unusedScopes", string.Join(' ', unused)), ("usedScopes", string.Join(' ', usedScopes.Order(StringComparer.Ordinal))),
                        ("observationWindow", FindingWindowText.Describe(context.Options.ScopeObservationWindow))));
            }
        }
    }
}
