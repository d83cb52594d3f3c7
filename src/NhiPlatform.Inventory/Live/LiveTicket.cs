namespace NhiPlatform.Inventory.Live;

/// <summary>A single-use ticket for the event stream, and where to use it.</summary>
public sealed record LiveTicket(string Ticket, DateTimeOffset ExpiresAt, string Url);
