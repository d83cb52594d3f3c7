namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>One stored usage event, as much of it as the comparison needs.</summary>
internal sealed record LedgerRow(Guid EventId, string Path, int Status);
