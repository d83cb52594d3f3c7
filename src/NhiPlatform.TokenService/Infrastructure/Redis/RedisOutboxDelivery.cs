using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.TokenService.Domain;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.Infrastructure.Redis;

/// <summary>
/// Delivers one outbox message: an identity change is added to <c>nhi:identities</c> (fields type/v/data) and
/// announced to the other replicas' caches; a revocation is stored and published per the revocation contract.
/// </summary>
internal sealed class RedisOutboxDelivery(IConnectionMultiplexer redis, IRevocationStore revocations)
{
    /// <summary>
    /// Pub/sub channel telling token-service replicas to drop a cached identity. Payload: the change's time in Unix
    /// milliseconds, a colon, the client id (see <see cref="Caching.IdentityCache.InvalidateChangedAt"/>).
    /// </summary>
    public const string InvalidationChannel = "nhi:tokens:identity-invalidations";

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxKinds.IdentityChanged:
                var @event = JsonSerializer.Deserialize(message.Payload, NhiEventsJsonContext.Default.IdentityChangedEvent)
                    ?? throw new InvalidDataException($"Outbox message {message.Id} is empty.");
                await redis.GetDatabase().StreamAddAsync(NhiStreams.Identities,
                [
                    new NameValueEntry(NhiStreams.TypeField, IdentityChangedEvent.TypeName),
                    new NameValueEntry(NhiStreams.VersionField, @event.SchemaVersion),
                    new NameValueEntry(NhiStreams.DataField, message.Payload),
                ]);
                await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(InvalidationChannel),
                    $"{@event.OccurredAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}:{@event.ClientId}");
                break;
            case OutboxKinds.Revocation:
                var revocation = JsonSerializer.Deserialize(message.Payload, RevocationJsonContext.Default.RevocationMessage)
                    ?? throw new InvalidDataException($"Outbox message {message.Id} is empty.");
                await revocations.ApplyAsync(revocation, cancellationToken);
                break;
            default:
                throw new InvalidDataException($"Outbox message {message.Id} has unknown kind '{message.Kind}'.");
        }
    }
}
