namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>Usage events replayed from the spill (and from how many segments) and dropped, over every replica and restart.</summary>
internal sealed record GatewayUsageFigures(long Replayed, int ReplayedSegments, long Dropped)
{
    public override string ToString() => $"replayed {Replayed} from {ReplayedSegments} segment(s), dropped {Dropped}";
}
