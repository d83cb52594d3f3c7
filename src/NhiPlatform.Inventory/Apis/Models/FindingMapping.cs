using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Apis.Models;

internal static class FindingMapping
{
    public static FindingItem ToItem(this Finding finding) => new()
    {
        Id = finding.Id,
        Rule = finding.Rule,
        Subject = finding.Subject,
        ClientId = finding.ClientId,
        Severity = finding.Severity,
        Title = finding.Title,
        Evidence = finding.Evidence,
        FirstDetected = finding.FirstDetected,
        LastDetected = finding.LastDetected,
        Status = finding.Status,
        StatusBy = finding.StatusBy,
        StatusReason = finding.StatusReason,
        StatusAt = finding.StatusAt,
    };
}
