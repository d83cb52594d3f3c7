using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage: authenticates the client by its secret (RFC 6749 §2.3.1) or its signed assertion (RFC 7523
/// §2.2) against the cached identity. Every failure is the same invalid_client to the caller; the log says which
/// client and why, never the secret or the assertion.
/// </summary>
internal sealed class ClientAuthenticator(
    IdentityCache cache, ClientSecretHasher hasher, ClientAssertionValidator assertions, CredentialUsageRecorder usage,
    TimeProvider timeProvider, ILogger<ClientAuthenticator> logger)
{
    public async Task<(Identity? Identity, OAuthError? Error)> AuthenticateAsync(TokenRequest request, string endpoint, CancellationToken cancellationToken)
    {
        if (request.AuthenticationMethod == ClientAuthenticationMethod.PrivateKeyJwt)
        {
            var (asserted, credentialId, reason) = await assertions.ValidateAsync(request, endpoint, cancellationToken);
            if (asserted is null)
            {
                ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, reason!);
                return (null, OAuthError.InvalidClient());
            }

            usage.Record(credentialId);
            return (asserted, null);
        }

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

        var now = timeProvider.GetUtcNow();
        var record = await cache.GetAsync(request.ClientId, cancellationToken);
        if (record is null || !record.Identity.CanAuthenticateAt(now))
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, record is null ? "unknown client" : $"client {record.Identity.Status} or expired");
            return (null, OAuthError.InvalidClient());
        }

        var usable = record.Secrets.Where(s => s.IsUsableAt(now)).ToList();
        var match = hasher.IndexOfMatch(request.ClientSecret, [.. usable.Select(s => s.Digest)]);
        if (match < 0)
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, "secret does not match a usable secret");
            return (null, OAuthError.InvalidClient());
        }

        usage.Record(usable[match].SecretId);
        return (record.Identity, null);
    }
}
