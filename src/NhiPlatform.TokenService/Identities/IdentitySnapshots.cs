using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>Maps identities and credentials to the event contract's snapshots: metadata only, never a secret or key.</summary>
internal static class IdentitySnapshots
{
    public const string SecretKind = "client_secret";
    public const string PublicKeyKind = "public_key";
    public const string FederatedKind = "federated";

    public static IdentitySnapshot From(IdentityRecord record)
    {
        var identity = record.Identity;
        return new IdentitySnapshot
        {
            ClientId = identity.ClientId,
            DisplayName = identity.DisplayName,
            Owner = identity.Owner,
            Purpose = identity.Purpose,
            Tags = identity.Tags,
            AllowedScopes = identity.AllowedScopes,
            DefaultScopes = identity.DefaultScopes,
            AllowedAudiences = identity.AllowedAudiences,
            Status = identity.Status,
            TokenLifetimeSeconds = identity.TokenLifetimeSeconds,
            CredentialMaxAgeDays = identity.CredentialMaxAgeDays,
            RequireSenderConstrainedTokens = identity.RequireSenderConstrainedTokens,
            ExpiresAt = identity.ExpiresAt,
            CreatedAt = identity.CreatedAt,
            CreatedBy = identity.CreatedBy,
            UpdatedAt = identity.UpdatedAt,
            UpdatedBy = identity.UpdatedBy,
            Credentials = [.. Credentials(record)],
        };
    }

    public static IEnumerable<CredentialSnapshot> Credentials(IdentityRecord record) =>
        record.Secrets.Select(From).Concat(record.PublicKeys.Select(From)).Concat(record.FederatedCredentials.Select(From)).OrderBy(c => c.CreatedAt);

    public static CredentialSnapshot From(ClientSecret secret) => new()
    {
        CredentialId = secret.SecretId.ToString(),
        Kind = SecretKind,
        Hint = secret.Hint,
        CreatedAt = secret.CreatedAt,
        ExpiresAt = secret.ExpiresAt,
        RevokedAt = secret.RevokedAt,
        LastUsedAt = secret.LastUsedAt,
    };

    public static CredentialSnapshot From(ClientPublicKey key) => new()
    {
        CredentialId = key.CredentialId.ToString(),
        Kind = PublicKeyKind,
        Hint = key.KeyId,
        CreatedAt = key.CreatedAt,
        ExpiresAt = key.ExpiresAt,
        RevokedAt = key.RevokedAt,
        LastUsedAt = key.LastUsedAt,
    };

    public static CredentialSnapshot From(FederatedCredential credential) => new()
    {
        CredentialId = credential.CredentialId.ToString(),
        Kind = FederatedKind,
        Hint = credential.Name,
        CreatedAt = credential.CreatedAt,
        LastUsedAt = credential.LastUsedAt,
        Issuer = credential.Issuer,
        Subject = credential.Subject,
        ClaimNames = [.. credential.Claims.Keys.Order(StringComparer.Ordinal)],
    };
}
