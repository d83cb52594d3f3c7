namespace NhiPlatform.Inventory.Findings;

/// <summary>The platform's issuer (<c>Nhi:Issuer</c>), to tell unknown issuers from our own unverifiable tokens.</summary>
internal sealed record InventoryIssuer(string Value);
