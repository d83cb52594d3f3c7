namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>A bare binary COPY of a round's rows, run before and after its ingestion; CPU of all processes per row.</summary>
internal sealed record CopyBaseline(double BeforePerSecond, double AfterPerSecond, double CpuMicrosPerRow)
{
    public double PerSecond => (BeforePerSecond + AfterPerSecond) / 2;
}
