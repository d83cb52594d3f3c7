namespace NhiPlatform.Contracts.Events;

/// <summary>
/// A stream entry carrying several <see cref="UsageRecordedEvent"/>s (type <c>usage.batch</c>, v1): <c>data</c> is a
/// JSON array of <c>usage.recorded</c> v1 objects and <c>n</c> their count. One entry per batch instead of one per
/// request divides the stream's cost (XADD, entry ids, reads, acknowledgements) by the batch size; each event keeps
/// its own id, so idempotence is unchanged.
/// </summary>
public static class UsageBatch
{
    public const string TypeName = "usage.batch";
    public const int CurrentSchemaVersion = 1;

    /// <summary>The most events a producer puts in one entry (a reader accepts any count).</summary>
    public const int MaxEvents = 1_000;
}
