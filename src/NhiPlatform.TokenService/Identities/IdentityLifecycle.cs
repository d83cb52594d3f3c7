using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>
/// Admin actions on an identity's settings and status. Each commits the new state, an audit row and the
/// identity-changed event in one transaction; disabling and deleting also cut off the identity's issued tokens. A change
/// that would leave no lasting administrator (<see cref="Administration"/>) is refused as a conflict.
/// </summary>
internal sealed class IdentityLifecycle(IIdentityStore store, IdentityChangeNotifier notifier, TimeProvider timeProvider)
{
    public Task<IdentityOutcome> UpdateAsync(string clientId, IdentityUpdate update, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(clientId, actor, IdentityChangeKinds.Updated, null, identity =>
        {
            var allowed = update.AllowedScopes is null ? identity.AllowedScopes : [.. update.AllowedScopes.Distinct(StringComparer.Ordinal)];
            var defaults = update.DefaultScopes is not null
                ? [.. update.DefaultScopes.Distinct(StringComparer.Ordinal)]
                : identity.DefaultScopes.Where(s => allowed.Contains(s, StringComparer.Ordinal)).ToArray();
            return identity with
            {
                DisplayName = update.DisplayName?.Trim() ?? identity.DisplayName,
                Purpose = update.Purpose?.Trim() ?? identity.Purpose,
                Tags = update.Tags ?? identity.Tags,
                AllowedScopes = allowed,
                DefaultScopes = defaults,
                AllowedAudiences = update.AllowedAudiences is null ? identity.AllowedAudiences : [.. update.AllowedAudiences.Distinct(StringComparer.Ordinal)],
                TokenLifetimeSeconds = update.TokenLifetimeSeconds ?? identity.TokenLifetimeSeconds,
                CredentialMaxAgeDays = update.CredentialMaxAgeDays ?? identity.CredentialMaxAgeDays,
                ExpiresAt = update.ClearExpiresAt ? null : update.ExpiresAt ?? identity.ExpiresAt,
                RequireSenderConstrainedTokens = update.RequireSenderConstrainedTokens ?? identity.RequireSenderConstrainedTokens,
            };
        }, cancellationToken);

    public Task<IdentityOutcome> DisableAsync(string clientId, string actor, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(clientId, actor, IdentityChangeKinds.Disabled, reason,
            identity => identity.Status == IdentityStatus.Active ? identity with { Status = IdentityStatus.Disabled } : null, cancellationToken, cutOff: true);

    public Task<IdentityOutcome> EnableAsync(string clientId, string actor, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(clientId, actor, IdentityChangeKinds.Enabled, reason,
            identity => identity.Status == IdentityStatus.Disabled ? identity with { Status = IdentityStatus.Active } : null, cancellationToken);

    public Task<IdentityOutcome> DeleteAsync(string clientId, string actor, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(clientId, actor, IdentityChangeKinds.Deleted, reason,
            identity => identity with { Status = IdentityStatus.Deleted }, cancellationToken, cutOff: true);

    public Task<IdentityOutcome> TransferAsync(string clientId, string newOwner, string actor, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(clientId, actor, IdentityChangeKinds.OwnerTransferred, reason,
            identity => identity with { Owner = newOwner.Trim() }, cancellationToken);

    /// <summary>Break-glass: active again, allowed <c>nhi.admin</c> and <c>nhi.read</c>, no expiry date.</summary>
    public Task<IdentityOutcome> RestoreAdministrationAsync(string clientId, string actor, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(clientId, actor, IdentityChangeKinds.Updated, reason, identity => identity with
        {
            Status = IdentityStatus.Active,
            ExpiresAt = null,
            AllowedScopes = [.. identity.AllowedScopes.Union([NhiScopes.Admin, NhiScopes.Read], StringComparer.Ordinal)],
        }, cancellationToken);

    /// <summary>Loads, applies <paramref name="apply"/> (null: not allowed in the current status), validates and commits.</summary>
    private async Task<IdentityOutcome> ChangeAsync(
        string clientId, string actor, string change, string? reason, Func<Identity, Identity?> apply, CancellationToken cancellationToken, bool cutOff = false)
    {
        var before = await store.FindRecordAsync(clientId, cancellationToken);
        if (before is null)
        {
            return IdentityOutcome.NotFound;
        }

        if (before.Identity.Status == IdentityStatus.Deleted)
        {
            return IdentityOutcome.Conflict("The identity is deleted; a tombstone cannot change.");
        }

        var now = timeProvider.GetUtcNow();
        var changed = apply(before.Identity);
        if (changed is null)
        {
            return IdentityOutcome.Conflict($"The identity is {before.Identity.Status}.");
        }

        var errors = IdentityRules.Validate(changed);
        if (errors.Count > 0)
        {
            return IdentityOutcome.Invalid(errors);
        }

        var after = before with { Identity = changed with { UpdatedAt = now, UpdatedBy = actor } };
        var built = IdentityChangeFactory.Build(change, actor, now, before, after, reason, cutOff: cutOff)
            with { EndsAdministration = Administration.IsLostBy(before.Identity, after.Identity) };
        if (await store.CommitAsync(built, cancellationToken) == CommitOutcome.LastAdministrator)
        {
            return IdentityOutcome.Conflict(Administration.LastAdministratorDetail);
        }

        notifier.Committed(clientId);
        return new IdentityOutcome(IdentityOutcomeKind.Ok, after);
    }
}
