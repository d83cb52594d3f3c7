namespace NhiPlatform.Inventory.Domain;

/// <summary>A stream entry that could not be read, kept with why.</summary>
internal sealed record DeadLetter(string Stream, string EntryId, string Reason, string Payload);
