namespace NhiPlatform.TokenService.Domain;

/// <summary>A new expiry and/or revocation for an existing secret or public key.</summary>
internal sealed record CredentialUpdate(Guid CredentialId, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);
