namespace NhiPlatform.Inventory.Domain;

/// <summary>Filters over credentials; null means any. <see cref="Search"/> matches name, hint, subject, serial or fingerprint.</summary>
internal sealed record CredentialQuery(string? ClientId = null, DateTimeOffset? RotatedBefore = null, string? Search = null, bool LiveOnly = false);
