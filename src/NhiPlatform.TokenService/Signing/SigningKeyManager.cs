using System.Text.Json;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Domain;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.Signing;

/// <summary>
/// Signing-key rotation (on demand and scheduled) and emergency revocation: stored and audited in one transaction,
/// then every replica is told to reload (Redis pub/sub; each also reloads on a timer).
/// </summary>
internal sealed class SigningKeyManager(
    ISigningKeyStore store, SigningKeyFactory factory, SigningKeyRing ring, IConnectionMultiplexer redis,
    IOptions<SigningOptions> options, TimeProvider timeProvider, ILogger<SigningKeyManager> logger)
{
    public const string ChangedChannel = "nhi:tokens:signing-keys";

    /// <summary>Adds a key that is published now and signs after the lead time (immediately when <paramref name="immediate"/>).</summary>
    public async Task<StoredSigningKey?> RotateAsync(string actor, bool scheduled, bool immediate, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var key = factory.Create(immediate ? now : now + options.Value.PublishLeadTime);
        var audit = Audit(actor, scheduled ? "signing_key_rotated_scheduled" : "signing_key_rotated", key.KeyId, now,
            new { kid = key.KeyId, alg = key.Algorithm, activatesAt = key.ActivatesAt });
        if (!await store.RotateAsync(key, scheduled ? now - options.Value.RotationInterval : null, audit, cancellationToken))
        {
            return null;
        }

        SigningLog.KeyRotated(logger, key.KeyId, key.Algorithm, key.ActivatesAt, actor);
        await ChangedAsync(cancellationToken);
        return key;
    }

    /// <summary>Removes a key from JWKS at once; if it was signing, a new key signs from now.</summary>
    public async Task<bool> RevokeAsync(string keyId, string actor, string? reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var audit = Audit(actor, "signing_key_revoked", keyId, now, new { kid = keyId, revokedAt = now }) with { Reason = reason };
        if (!await store.RevokeAsync(keyId, now, () => factory.Create(now), audit, cancellationToken))
        {
            return false;
        }

        SigningLog.KeyRevoked(logger, keyId, actor);
        await ChangedAsync(cancellationToken);
        return true;
    }

    private async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await ring.ReloadAsync(cancellationToken);
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ChangedChannel), "changed");
        }
        catch (RedisException exception)
        {
            // The other replicas still reload on their timer.
            SigningLog.ChangeNotificationFailed(logger, exception);
        }
    }

    private static AuditEntry Audit(string actor, string action, string keyId, DateTimeOffset now, object after) => new()
    {
        OccurredAt = now,
        Actor = actor,
        Action = action,
        Target = keyId,
        After = JsonSerializer.Serialize(after),
    };
}
