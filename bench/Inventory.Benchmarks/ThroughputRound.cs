namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>
/// One throughput round: ingestion of a backlog, and bare COPYs of the same rows run just before and just after it
/// (the machine is shared: the two bracket the ingestion's conditions), into a table defined like the ledger and into
/// a plain one.
/// </summary>
internal sealed record ThroughputRound(
    double IngestPerSecond, CopyBaseline Ledger, CopyBaseline Plain,
    IReadOnlyDictionary<string, (double Seconds, long Batches)> Stages, double IngestCpuMicrosPerEvent)
{
    /// <summary>Against the bare COPY into the ledger's own definition: what the pipeline costs beyond the write it must make.</summary>
    public double Ratio => IngestPerSecond / Ledger.PerSecond;

    /// <summary>Against the bare COPY into a table without key or index: the pipeline and the ledger's indexes together.</summary>
    public double PlainRatio => IngestPerSecond / Plain.PerSecond;

    /// <summary>What <see cref="Ratio"/> would be if both had the machine to themselves: CPU per row over CPU per event.</summary>
    public double CpuRatio => Ledger.CpuMicrosPerRow / IngestCpuMicrosPerEvent;
}
