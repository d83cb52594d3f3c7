using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>Generates a client secret for an identity: the clear value (shown once) and the stored digest.</summary>
internal sealed class SecretIssuer(ClientSecretHasher hasher)
{
    public (string Secret, ClientSecret Stored) Issue(Identity identity, DateTimeOffset now)
    {
        var secret = ClientSecretFormat.Generate();
        var expires = now + TimeSpan.FromDays(identity.CredentialMaxAgeDays);
        if (identity.ExpiresAt is { } identityExpiry && identityExpiry < expires)
        {
            expires = identityExpiry;
        }

        return (secret, new ClientSecret
        {
            SecretId = Guid.CreateVersion7(now),
            ClientId = identity.ClientId,
            Digest = hasher.Digest(secret),
            Hint = secret[^4..],
            CreatedAt = now,
            ExpiresAt = expires,
        });
    }
}
