using Microsoft.Extensions.Options;
using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Federation;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Identities;

/// <summary>
/// Adds and deletes an identity's federated credentials, each change audited and announced like any credential
/// change (identity-change event, cache invalidation on every replica).
/// </summary>
internal sealed class FederatedCredentialManager(
    IIdentityStore store, IdentityChangeNotifier notifier, IOptions<TokenServiceOptions> tokenOptions, IOptions<FederationOptions> federationOptions,
    TimeProvider timeProvider)
{
    /// <summary>Our token endpoint's URL and our issuer URL: what a credential accepts as <c>aud</c> unless told otherwise.</summary>
    public IReadOnlyList<string> DefaultAudiences =>
        [tokenOptions.Value.TokenEndpoint.ToString(), tokenOptions.Value.Issuer.TrimEnd('/')];

    public async Task<(IdentityOutcome Outcome, FederatedCredential? Credential)> AddAsync(
        string clientId, Func<IReadOnlyList<string>, bool, (FederatedCredentialDraft?, Dictionary<string, string[]>)> check, string actor,
        CancellationToken cancellationToken)
    {
        var (draft, errors) = check(DefaultAudiences, federationOptions.Value.AllowLoopbackHttpIssuers);
        if (draft is null)
        {
            return (IdentityOutcome.Invalid(errors), null);
        }

        var before = await store.FindRecordAsync(clientId, cancellationToken);
        if (before is null || before.Identity.Status == IdentityStatus.Deleted)
        {
            return (before is null ? IdentityOutcome.NotFound : IdentityOutcome.Conflict("The identity is deleted."), null);
        }

        if (before.FederatedCredentials.Any(c => c.Name == draft.Name))
        {
            return (IdentityOutcome.Conflict("The identity already has a federated credential with this name."), null);
        }

        if (before.FederatedCredentials.Count >= FederatedCredentialRules.MaxPerIdentity)
        {
            return (IdentityOutcome.Invalid(new() { ["name"] = [$"At most {FederatedCredentialRules.MaxPerIdentity} federated credentials per identity: delete one first."] }), null);
        }

        var now = timeProvider.GetUtcNow();
        var credential = new FederatedCredential
        {
            CredentialId = Guid.CreateVersion7(now),
            ClientId = clientId,
            Name = draft.Name,
            Issuer = draft.Issuer,
            Subject = draft.Subject,
            Audiences = draft.Audiences,
            Claims = draft.Claims,
            Description = draft.Description,
            Jwks = draft.Jwks,
            CreatedAt = now,
            CreatedBy = actor,
        };
        var after = before with
        {
            Identity = before.Identity with { UpdatedAt = now, UpdatedBy = actor },
            FederatedCredentials = [.. before.FederatedCredentials, credential],
        };
        var change = IdentityChangeFactory.Build(IdentityChangeKinds.FederatedCredentialCreated, actor, now, before, after, null, IdentitySnapshots.From(credential))
            with { NewFederatedCredentials = [credential] };
        if (await store.CommitAsync(change, cancellationToken) == CommitOutcome.FederatedCredentialRefused)
        {
            return (IdentityOutcome.Conflict(
                $"The name is taken or the identity already has {FederatedCredentialRules.MaxPerIdentity} federated credentials (added concurrently)."), null);
        }

        notifier.Committed(clientId);
        return (new IdentityOutcome(IdentityOutcomeKind.Ok, after) { CredentialId = credential.CredentialId }, credential);
    }

    public async Task<IdentityOutcome> DeleteAsync(string clientId, string name, string actor, string? reason, CancellationToken cancellationToken)
    {
        var before = await store.FindRecordAsync(clientId, cancellationToken);
        var credential = before?.FederatedCredentials.FirstOrDefault(c => c.Name == name);
        if (before is null || credential is null)
        {
            return IdentityOutcome.NotFound;
        }

        var now = timeProvider.GetUtcNow();
        var after = before with
        {
            Identity = before.Identity with { UpdatedAt = now, UpdatedBy = actor },
            FederatedCredentials = [.. before.FederatedCredentials.Where(c => c.CredentialId != credential.CredentialId)],
        };
        // Tokens already issued through it stop at the edge, as for a revoked secret.
        var change = IdentityChangeFactory.Build(IdentityChangeKinds.FederatedCredentialDeleted, actor, now, before, after, reason,
            IdentitySnapshots.From(credential) with { RevokedAt = now }, cutOff: true) with { DeletedFederatedCredentials = [credential.CredentialId] };
        await store.CommitAsync(change, cancellationToken);
        notifier.Committed(clientId);
        return new IdentityOutcome(IdentityOutcomeKind.Ok, after) { CredentialId = credential.CredentialId };
    }
}
