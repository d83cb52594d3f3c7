namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>A raw token to read (never trusted, never stored or logged).</summary>
public sealed record InspectTokenRequest(string? Token);
