namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>
/// One throughput round: ingestion of a backlog, and the bare COPY of the same rows into a plain table run just
/// before and just after it (the machine is shared: the two bracket the ingestion's conditions).
/// </summary>
internal sealed record ThroughputRound(
    double IngestPerSecond, double CopyBeforePerSecond, double CopyAfterPerSecond, double LedgerCopyPerSecond,
    IReadOnlyDictionary<string, (double Seconds, long Batches)> Stages, double IngestCpuMicrosPerEvent, double CopyCpuMicrosPerRow)
{
    /// <summary>What the ratio would be if both had the machine to themselves: bare COPY CPU per row over ingestion CPU per event.</summary>
    public double CpuRatio => CopyCpuMicrosPerRow / IngestCpuMicrosPerEvent;

    public double CopyPerSecond => (CopyBeforePerSecond + CopyAfterPerSecond) / 2;

    public double Ratio => IngestPerSecond / CopyPerSecond;
}
