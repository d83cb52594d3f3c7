using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// Hidden callers: tokens that failed validation, from an issuer that is not ours (unknown issuer) or from ours but
/// unverifiable (forged, tampered, signed with a retired key). The subject and issuer are as presented, never trusted.
/// </summary>
internal sealed class UnknownCallerRule : IFindingRule
{
    public const string RuleName = "unknown_caller";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        foreach (var caller in context.Snapshot.Callers.Where(c => c.CallerKind == "unverified"))
        {
            var at = caller.Caller.LastIndexOf('@');
            var issuer = at < 0 ? "?" : caller.Caller[(at + 1)..];
            var subject = caller.Caller["unverified:".Length..Math.Max("unverified:".Length, at)];
            var unknownIssuer = !string.Equals(issuer.TrimEnd('/'), context.Issuer.TrimEnd('/'), StringComparison.Ordinal);
            var edges = context.Snapshot.Edges.Where(e => e.Caller == caller.Caller).Select(e => e.RouteId).Distinct();
            yield return new DetectedFinding(RuleName, caller.Caller, null, FindingSeverity.High,
                unknownIssuer
                    ? $"Tokens of unknown issuer '{issuer}' (subject '{subject}') were presented"
                    : $"Unverifiable tokens claiming subject '{subject}' were presented",
                FindingContext.Evidence(("unverifiedIssuer", issuer), ("unverifiedSubject", subject), ("calls", caller.Calls),
                    ("firstSeen", caller.FirstSeen), ("lastSeen", caller.LastSeen), ("routes", string.Join(' ', edges)),
                    ("kind", unknownIssuer ? "unknown_issuer" : "unverifiable_token")));
        }
    }
}
