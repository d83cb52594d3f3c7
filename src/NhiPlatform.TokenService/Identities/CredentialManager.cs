using System.Text.Json;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Identities;

/// <summary>
/// Credential actions: add a secret, rotate (new secret; the others expire after the grace period), revoke (with
/// an identity cut-off, so tokens obtained with it stop at the edge), register a public key for private_key_jwt.
/// </summary>
internal sealed class CredentialManager(
    IIdentityStore store, SecretIssuer secrets, IdentityChangeNotifier notifier, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
{
    public Task<IdentityOutcome> AddSecretAsync(string clientId, string actor, CancellationToken cancellationToken) =>
        IssueSecretAsync(clientId, actor, IdentityChangeKinds.CredentialCreated, null, cancellationToken);

    public Task<IdentityOutcome> RotateAsync(string clientId, string actor, TimeSpan? grace, CancellationToken cancellationToken) =>
        IssueSecretAsync(clientId, actor, IdentityChangeKinds.CredentialRotated, grace ?? options.Value.SecretRotationGrace, cancellationToken);

    public async Task<IdentityOutcome> RevokeAsync(string clientId, Guid credentialId, string actor, string? reason, CancellationToken cancellationToken)
    {
        var (before, failure) = await LoadAsync(clientId, cancellationToken);
        if (before is null)
        {
            return failure!;
        }

        var now = timeProvider.GetUtcNow();
        var secret = before.Secrets.FirstOrDefault(s => s.SecretId == credentialId);
        var key = before.PublicKeys.FirstOrDefault(k => k.CredentialId == credentialId);
        if (secret is null && key is null)
        {
            return IdentityOutcome.NotFound;
        }

        if (secret?.RevokedAt is not null || key?.RevokedAt is not null)
        {
            return IdentityOutcome.Conflict("The credential is already revoked.");
        }

        var after = before with
        {
            Identity = before.Identity with { UpdatedAt = now, UpdatedBy = actor },
            Secrets = [.. before.Secrets.Select(s => s.SecretId == credentialId ? s with { RevokedAt = now } : s)],
            PublicKeys = [.. before.PublicKeys.Select(k => k.CredentialId == credentialId ? k with { RevokedAt = now } : k)],
        };
        var snapshot = secret is not null ? IdentitySnapshots.From(secret with { RevokedAt = now }) : IdentitySnapshots.From(key! with { RevokedAt = now });
        var change = IdentityChangeFactory.Build(IdentityChangeKinds.CredentialRevoked, actor, now, before, after, reason, snapshot, cutOff: true)
            with { CredentialUpdates = [new CredentialUpdate(credentialId, secret?.ExpiresAt ?? key!.ExpiresAt, now)] };
        await store.CommitAsync(change, cancellationToken);
        notifier.Committed(clientId);
        return new IdentityOutcome(IdentityOutcomeKind.Ok, after) { CredentialId = credentialId };
    }

    public async Task<IdentityOutcome> AddPublicKeyAsync(string clientId, JsonElement jwk, DateTimeOffset? expiresAt, string actor, CancellationToken cancellationToken)
    {
        var parsed = PublicJwkParser.Parse(jwk);
        if (parsed.Key is not { } publicKey)
        {
            return IdentityOutcome.Invalid(new() { [parsed.Member!] = [parsed.Error!] });
        }

        var (before, failure) = await LoadAsync(clientId, cancellationToken);
        if (before is null)
        {
            return failure!;
        }

        var now = timeProvider.GetUtcNow();
        if (before.PublicKeys.Any(k => k.KeyId == publicKey.Kid && k.IsUsableAt(now)))
        {
            return IdentityOutcome.Conflict("A usable key with this key id is already registered.");
        }

        if (before.PublicKeys.Count(k => k.IsUsableAt(now)) >= MaxUsablePublicKeys)
        {
            return IdentityOutcome.Invalid(new() { ["jwk"] = [$"At most {MaxUsablePublicKeys} usable public keys per identity: revoke one first."] });
        }

        var maxExpiry = now + TimeSpan.FromDays(before.Identity.CredentialMaxAgeDays);
        var key = new ClientPublicKey
        {
            CredentialId = Guid.CreateVersion7(now),
            ClientId = clientId,
            KeyId = publicKey.Kid,
            Jwk = PublicJwkParser.ToPublicJson(publicKey),
            CreatedAt = now,
            ExpiresAt = expiresAt is { } requested && requested < maxExpiry ? requested : maxExpiry,
        };
        var after = before with { Identity = before.Identity with { UpdatedAt = now, UpdatedBy = actor }, PublicKeys = [.. before.PublicKeys, key] };
        var change = IdentityChangeFactory.Build(IdentityChangeKinds.CredentialCreated, actor, now, before, after, null, IdentitySnapshots.From(key))
            with { NewPublicKeys = [key] };
        await store.CommitAsync(change, cancellationToken);
        notifier.Committed(clientId);
        return new IdentityOutcome(IdentityOutcomeKind.Ok, after) { CredentialId = key.CredentialId, CredentialExpiresAt = key.ExpiresAt };
    }

    /// <summary>Usable public keys per identity, at most: enough for a rotation overlap across a few workloads.</summary>
    public const int MaxUsablePublicKeys = 5;

    /// <summary>Older secrets still usable beside a newly issued one (its grace period's overlap), at most.</summary>
    public const int MaxSupersededSecrets = 2;

    private async Task<IdentityOutcome> IssueSecretAsync(string clientId, string actor, string change, TimeSpan? grace, CancellationToken cancellationToken)
    {
        var (before, failure) = await LoadAsync(clientId, cancellationToken);
        if (before is null)
        {
            return failure!;
        }

        var now = timeProvider.GetUtcNow();
        var (secret, stored) = secrets.Issue(before.Identity, now);
        // Rotation overlap: every other usable secret keeps working until now + grace, then expires.
        var updates = grace is { } overlap
            ? before.Secrets.Where(s => s.IsUsableAt(now) && s.ExpiresAt > now + overlap).Select(s => new CredentialUpdate(s.SecretId, now + overlap, null)).ToList()
            : [];
        // At most MaxSupersededSecrets older secrets stay usable beside the new one: rotating again and again must not
        // leave one working secret per rotation. The oldest beyond the cap end now.
        updates.AddRange(before.Secrets.Where(s => s.IsUsableAt(now)).OrderByDescending(s => s.CreatedAt).Skip(MaxSupersededSecrets)
            .Select(s => new CredentialUpdate(s.SecretId, now, null)));
        updates = [.. updates.GroupBy(u => u.CredentialId).Select(g => g.MinBy(u => u.ExpiresAt)!)];
        var after = before with
        {
            Identity = before.Identity with { UpdatedAt = now, UpdatedBy = actor },
            Secrets = [.. before.Secrets.Select(s => updates.FirstOrDefault(u => u.CredentialId == s.SecretId) is { } update ? s with { ExpiresAt = update.ExpiresAt } : s), stored],
        };
        var built = IdentityChangeFactory.Build(change, actor, now, before, after, null, IdentitySnapshots.From(stored))
            with { NewSecrets = [stored], CredentialUpdates = updates };
        await store.CommitAsync(built, cancellationToken);
        notifier.Committed(clientId);
        return new IdentityOutcome(IdentityOutcomeKind.Ok, after) { NewSecret = secret, CredentialId = stored.SecretId, CredentialExpiresAt = stored.ExpiresAt };
    }

    private async Task<(IdentityRecord? Record, IdentityOutcome? Failure)> LoadAsync(string clientId, CancellationToken cancellationToken)
    {
        var record = await store.FindRecordAsync(clientId, cancellationToken);
        return record switch
        {
            null => (null, IdentityOutcome.NotFound),
            { Identity.Status: IdentityStatus.Deleted } => (null, IdentityOutcome.Conflict("The identity is deleted.")),
            _ => (record, null),
        };
    }
}
