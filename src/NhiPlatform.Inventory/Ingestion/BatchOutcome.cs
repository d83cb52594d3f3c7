namespace NhiPlatform.Inventory.Ingestion;

/// <summary>What one committed batch did: new events stored, events already stored (replays), dead letters.</summary>
internal sealed record BatchOutcome(int Stored, int Duplicates, int DeadLetters);
