namespace NhiPlatform.Inventory.IntegrationTests;

/// <summary>
/// The system clock moved by <see cref="Offset"/>: a controlled "now" for a running service whose polling timers must
/// still fire in real time (a FakeTimeProvider would stop them). Timers and timestamps are the system's.
/// </summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
