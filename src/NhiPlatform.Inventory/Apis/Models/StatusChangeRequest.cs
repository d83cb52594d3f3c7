namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>Body of acknowledge and resolve: why (who comes from the token).</summary>
public sealed record StatusChangeRequest(string? Reason);
