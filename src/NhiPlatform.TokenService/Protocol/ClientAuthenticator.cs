using Microsoft.Extensions.Logging;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage: authenticates the client by its secret (RFC 6749 §2.3.1). Every failure is the same
/// invalid_client to the caller; the log says which client and why, never the secret.
/// </summary>
internal sealed class ClientAuthenticator(
    IIdentityStore identities, ClientSecretHasher hasher, TimeProvider timeProvider, ILogger<ClientAuthenticator> logger)
{
    public async Task<(Identity? Identity, OAuthError? Error)> AuthenticateAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientId is null || request.ClientSecret is null)
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, "no client credentials");
            return (null, OAuthError.InvalidClient());
        }

        // A string that is not one of our secrets cannot match: refuse it without touching the database.
        if (!ClientSecretFormat.IsWellFormed(request.ClientSecret))
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, "malformed secret");
            return (null, OAuthError.InvalidClient());
        }

        var identity = await identities.FindAsync(request.ClientId, cancellationToken);
        if (identity is null || !identity.IsActive)
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, identity is null ? "unknown client" : $"client {identity.Status}");
            return (null, OAuthError.InvalidClient());
        }

        var secrets = await identities.FindUsableSecretsAsync(identity.ClientId, timeProvider.GetUtcNow(), cancellationToken);
        if (!hasher.MatchesAny(request.ClientSecret, secrets.Select(s => s.Digest)))
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, "secret does not match a usable secret");
            return (null, OAuthError.InvalidClient());
        }

        return (identity, null);
    }
}
