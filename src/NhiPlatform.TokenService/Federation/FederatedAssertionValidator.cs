using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Domain;
using F = NhiPlatform.TokenService.Federation.FederatedAssertionFailures;

namespace NhiPlatform.TokenService.Federation;

/// <summary>
/// Client authentication with an external issuer's token (RFC 7523 §2.2 and §3 applied to a workload platform's
/// token, as Entra, Google and AWS federate workloads): the identity's federated credential names the issuer, exact
/// subject, audiences and extra claims; the signature verifies with the issuer's discovered or pinned keys.
/// Unlike private_key_jwt assertions, a federated token is not single-use: the platform (kubelet, GitHub, a SPIFFE
/// agent) mints it, the workload cannot get a new one per request and reuses it until it expires; the audience binds
/// it to us and the lifetime and age are bounded instead.
/// </summary>
internal sealed class FederatedAssertionValidator(
    IdentityCache cache, IIdentityStore store, IssuerKeyCache issuerKeys, IOptions<FederationOptions> options, TimeProvider timeProvider)
{
    /// <summary>Asymmetric JWS algorithms only (RFC 7518 §3.1): never none, never HMAC with a key someone could guess.</summary>
    public static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly JsonWebTokenHandler _handler = new();

    public async Task<FederatedAuthentication> ValidateAsync(string rawAssertion, string? clientId, CancellationToken cancellationToken)
    {
        JsonWebToken assertion;
        try
        {
            assertion = new JsonWebToken(rawAssertion);
        }
        catch (ArgumentException)
        {
            return FederatedAuthentication.Failed(F.Malformed);
        }

        if (!Algorithms.Contains(assertion.Alg, StringComparer.Ordinal) || string.IsNullOrEmpty(assertion.EncodedSignature))
        {
            return FederatedAuthentication.Failed(F.Unsigned);
        }

        var (issuer, subject) = (assertion.Issuer, assertion.Subject);
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject))
        {
            return FederatedAuthentication.Failed(F.MissingIssuerOrSubject);
        }

        // Without client_id the issuer and subject name the identity (RFC 7521 §4.2: client_id is optional with an assertion).
        if (clientId is null)
        {
            var candidates = await store.FindFederatedClientIdsAsync(issuer, subject, 2, cancellationToken);
            if (candidates.Count != 1)
            {
                return FederatedAuthentication.Failed(candidates.Count == 0 ? F.NoIdentity : F.AmbiguousIdentity);
            }

            clientId = candidates[0];
        }

        var now = timeProvider.GetUtcNow();
        var record = await cache.GetAsync(clientId, cancellationToken);
        if (record is null || !record.Identity.CanAuthenticateAt(now))
        {
            return FederatedAuthentication.Failed(F.ClientCannotAuthenticate);
        }

        var forIssuer = record.FederatedCredentials.Where(c => c.Issuer == issuer).ToList();
        if (forIssuer.Count == 0)
        {
            return FederatedAuthentication.Failed(F.UntrustedIssuer);
        }

        var forSubject = forIssuer.Where(c => c.Subject == subject).ToList();
        if (forSubject.Count == 0)
        {
            return FederatedAuthentication.Failed(F.SubjectMismatch);
        }

        if (!FederatedIssuer.IsAllowed(issuer, options.Value.AllowLoopbackHttpIssuers))
        {
            return FederatedAuthentication.Failed(F.InsecureIssuer);
        }

        if (await VerifySignatureAsync(assertion, forSubject, cancellationToken) is { } signatureFailure)
        {
            return FederatedAuthentication.Failed(signatureFailure);
        }

        if (LifetimeFailure(assertion, now) is { } lifetimeFailure)
        {
            return FederatedAuthentication.Failed(lifetimeFailure);
        }

        var audiences = assertion.Audiences.ToList();
        var forAudience = forSubject.Where(c => c.Audiences.Any(audiences.Contains)).ToList();
        if (forAudience.Count == 0)
        {
            return FederatedAuthentication.Failed(F.AudienceMismatch);
        }

        var match = forAudience.FirstOrDefault(c => ClaimsMatch(assertion, c));
        return match is null ? FederatedAuthentication.Failed(F.ClaimsMismatch) : new FederatedAuthentication(record.Identity, match, null);
    }

    private async Task<string?> VerifySignatureAsync(JsonWebToken assertion, List<FederatedCredential> credentials, CancellationToken cancellationToken)
    {
        // A credential may pin the issuer's keys (no discovery, e.g. a private cluster); else the issuer's discovered keys.
        var keys = new List<SecurityKey>();
        foreach (var pinned in credentials.Where(c => c.Jwks is not null))
        {
            keys.AddRange(JwksReader.Read(pinned.Jwks!) ?? []);
        }

        if (credentials.Any(c => c.Jwks is null))
        {
            var discovered = await issuerKeys.GetAsync(assertion.Issuer, string.IsNullOrEmpty(assertion.Kid) ? null : assertion.Kid, cancellationToken);
            if (discovered.Failure is not null && keys.Count == 0)
            {
                return F.KeysUnavailable;
            }

            keys.AddRange(discovered.Keys);
        }

        var result = await _handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            IssuerSigningKeys = keys,
            ValidAlgorithms = Algorithms,
            TryAllIssuerSigningKeys = true,
        });
        return result.IsValid ? null : F.BadSignature;
    }

    /// <summary>RFC 7523 §3 items 4 and 5, with bounds: exp required, nbf and iat not in the future, iat not too old, exp - iat bounded.</summary>
    private string? LifetimeFailure(JsonWebToken assertion, DateTimeOffset now)
    {
        var settings = options.Value;
        if (!assertion.TryGetPayloadValue<long>("exp", out var expSeconds))
        {
            return F.NoExpiry;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expSeconds);
        if (expires <= now - settings.ClockSkew)
        {
            return F.Expired;
        }

        DateTimeOffset? issuedAt = assertion.TryGetPayloadValue<long>("iat", out var iat) ? DateTimeOffset.FromUnixTimeSeconds(iat) : null;
        DateTimeOffset? notBefore = assertion.TryGetPayloadValue<long>("nbf", out var nbf) ? DateTimeOffset.FromUnixTimeSeconds(nbf) : null;
        if (issuedAt > now + settings.ClockSkew || notBefore > now + settings.ClockSkew)
        {
            return F.NotYetValid;
        }

        if (issuedAt < now - settings.MaxAssertionAge)
        {
            return F.TooOld;
        }

        var start = issuedAt ?? notBefore ?? now;
        return expires - start > settings.MaxAssertionLifetime ? F.LifetimeTooLong : null;
    }

    /// <summary>Each required claim must be present with exactly the value (a string claim; a number or boolean by its text).</summary>
    private static bool ClaimsMatch(JsonWebToken assertion, FederatedCredential credential) =>
        credential.Claims.All(required => assertion.TryGetClaim(required.Key, out var claim)
            && claim.ValueType is not (JsonClaimValueTypes.Json or JsonClaimValueTypes.JsonArray or JsonClaimValueTypes.JsonNull)
            && claim.Value == required.Value);
}
