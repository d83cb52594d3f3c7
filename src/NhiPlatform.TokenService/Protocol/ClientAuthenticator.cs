using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Federation;
using Microsoft.IdentityModel.JsonWebTokens;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage: authenticates the client by its secret (RFC 6749 §2.3.1) or its signed assertion (RFC 7523
/// §2.2) against the cached identity. Every failure is the same invalid_client to the caller; the log says which
/// client and why, never the secret or the assertion. A jwt-bearer assertion whose <c>iss</c> is a URL is an external
/// issuer's token (federation): its failures say what failed, without quoting it.
/// </summary>
internal sealed class ClientAuthenticator(
    IdentityCache cache, ClientSecretHasher hasher, ClientAssertionValidator assertions, FederatedAssertionValidator federated,
    CredentialUsageRecorder usage, TimeProvider timeProvider, ILogger<ClientAuthenticator> logger)
{
    public async Task<(Identity? Identity, OAuthError? Error)> AuthenticateAsync(TokenRequest request, string endpoint, CancellationToken cancellationToken)
    {
        var authentication = await AuthenticateClientAsync(request, endpoint, cancellationToken);
        return (authentication.Identity, authentication.Error);
    }

    public async Task<ClientAuthentication> AuthenticateClientAsync(TokenRequest request, string endpoint, CancellationToken cancellationToken)
    {
        if (request.AuthenticationMethod == ClientAuthenticationMethod.PrivateKeyJwt && IsFederated(request.ClientAssertion!))
        {
            return await AuthenticateFederatedAsync(request, cancellationToken);
        }

        if (request.AuthenticationMethod == ClientAuthenticationMethod.PrivateKeyJwt)
        {
            var (asserted, credentialId, reason) = await assertions.ValidateAsync(request, endpoint, cancellationToken);
            if (asserted is null)
            {
                ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, reason!);
                return ClientAuthentication.Failed(OAuthError.InvalidClient());
            }

            usage.Record(credentialId);
            return new ClientAuthentication(asserted, null, ClientAuthenticationMethod.PrivateKeyJwt, credentialId);
        }

        if (request.ClientId is null || request.ClientSecret is null)
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, "no client credentials");
            return ClientAuthentication.Failed(OAuthError.InvalidClient());
        }

        // A string that is not one of our secrets cannot match: refuse it without touching the database.
        if (!ClientSecretFormat.IsWellFormed(request.ClientSecret))
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, "malformed secret");
            return ClientAuthentication.Failed(OAuthError.InvalidClient());
        }

        var now = timeProvider.GetUtcNow();
        var record = await cache.GetAsync(request.ClientId, cancellationToken);
        if (record is null || !record.Identity.CanAuthenticateAt(now))
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, record is null ? "unknown client" : $"client {record.Identity.Status} or expired");
            return ClientAuthentication.Failed(OAuthError.InvalidClient());
        }

        var usable = record.Secrets.Where(s => s.IsUsableAt(now)).ToList();
        var match = hasher.IndexOfMatch(request.ClientSecret, [.. usable.Select(s => s.Digest)]);
        if (match < 0)
        {
            ProtocolLog.ClientAuthenticationFailed(logger, request.ClientId, "secret does not match a usable secret");
            return ClientAuthentication.Failed(OAuthError.InvalidClient());
        }

        usage.Record(usable[match].SecretId);
        return new ClientAuthentication(record.Identity, null, request.AuthenticationMethod, usable[match].SecretId);
    }

    private async Task<ClientAuthentication> AuthenticateFederatedAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var outcome = await federated.ValidateAsync(request.ClientAssertion!, request.ClientId, cancellationToken);
        if (outcome.Identity is null)
        {
            var (issuer, subject) = UnverifiedIssuerAndSubject(request.ClientAssertion!);
            FederationLog.AuthenticationFailed(logger, request.ClientId, issuer, subject, outcome.Failure!);
            return ClientAuthentication.Failed(OAuthError.InvalidClient(outcome.Failure!));
        }

        var credential = outcome.Credential!;
        FederationLog.Authenticated(logger, outcome.Identity.ClientId, credential.Name, credential.Issuer, credential.Subject);
        usage.Record(credential.CredentialId);
        return new ClientAuthentication(outcome.Identity, null, ClientAuthenticationMethod.Federated, credential.CredentialId);
    }

    /// <summary>private_key_jwt assertions have iss = sub = our client id; an external issuer's token has a URL as iss.</summary>
    private static bool IsFederated(string assertion)
    {
        var (issuer, subject) = UnverifiedIssuerAndSubject(assertion);
        return FederatedIssuer.LooksLikeIssuer(issuer) && issuer != subject;
    }

    private static (string? Issuer, string? Subject) UnverifiedIssuerAndSubject(string assertion)
    {
        try
        {
            var token = new JsonWebToken(assertion);
            // Bounded before they reach a log line: the values are the caller's, not yet verified.
            return (Bounded(token.Issuer), Bounded(token.Subject));
        }
        catch (ArgumentException)
        {
            return (null, null);
        }
    }

    private static string? Bounded(string? value) => value is null ? null : value.Length <= 256 ? value : value[..256];
}
