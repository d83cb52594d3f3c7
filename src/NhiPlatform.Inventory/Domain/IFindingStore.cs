namespace NhiPlatform.Inventory.Domain;

/// <summary>Findings and their status.</summary>
internal interface IFindingStore
{
    /// <summary>
    /// Records one evaluation: detected findings are inserted or refreshed (a resolved one detected again reopens);
    /// open or acknowledged findings of the evaluated rules no longer detected are resolved by <c>system</c>.
    /// Returns the findings that are new or reopened.
    /// </summary>
    Task<IReadOnlyList<Finding>> RecordEvaluationAsync(
        IReadOnlyList<DetectedFinding> detected, IReadOnlyCollection<string> rules, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<Finding>> ListAsync(FindingFilter filter, CancellationToken cancellationToken);

    Task<Finding?> SetStatusAsync(long id, string status, string by, string reason, DateTimeOffset now, CancellationToken cancellationToken);
}
