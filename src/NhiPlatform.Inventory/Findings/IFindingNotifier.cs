using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings;

/// <summary>Tells the outside world about new high-severity findings.</summary>
internal interface IFindingNotifier
{
    Task NotifyAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken);
}
