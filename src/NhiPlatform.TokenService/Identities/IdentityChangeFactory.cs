using System.Text.Json;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>
/// Builds the <see cref="IdentityChange"/> of an admin action: audit row (before/after snapshots, no secrets), the
/// identity-changed event and, when tokens must stop working, an identity cut-off revocation.
/// </summary>
internal static class IdentityChangeFactory
{
    public static IdentityChange Build(
        string change, string actor, DateTimeOffset now, IdentityRecord? before, IdentityRecord after, string? reason,
        CredentialSnapshot? credential = null, bool cutOff = false)
    {
        var afterSnapshot = IdentitySnapshots.From(after);
        var @event = new IdentityChangedEvent
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            Change = change,
            ClientId = after.Identity.ClientId,
            Actor = actor,
            Identity = afterSnapshot,
            Credential = credential,
        };
        var messages = new List<(string, string)>
        {
            (OutboxKinds.IdentityChanged, JsonSerializer.Serialize(@event, NhiEventsJsonContext.Default.IdentityChangedEvent)),
        };
        if (cutOff)
        {
            messages.Add((OutboxKinds.Revocation, JsonSerializer.Serialize(new RevocationMessage
            {
                Kind = RevocationMessage.IdentityKind,
                ClientId = after.Identity.ClientId,
                IssuedBefore = CutOffAfter(now),
            }, RevocationJsonContext.Default.RevocationMessage)));
        }

        return new IdentityChange
        {
            Identity = after.Identity,
            IsCreation = before is null,
            Audit = new AuditEntry
            {
                OccurredAt = now,
                Actor = actor,
                Action = change,
                Target = after.Identity.ClientId,
                Before = before is null ? null : JsonSerializer.Serialize(IdentitySnapshots.From(before), NhiEventsJsonContext.Default.IdentitySnapshot),
                After = JsonSerializer.Serialize(afterSnapshot, NhiEventsJsonContext.Default.IdentitySnapshot),
                Reason = reason,
            },
            Messages = messages,
        };
    }

    /// <summary>
    /// The cut-off for a change made at <paramref name="now"/>: the next whole second, since <c>iat</c> has whole
    /// seconds, so every token issued up to now (in this second too) falls before it.
    /// </summary>
    public static DateTimeOffset CutOffAfter(DateTimeOffset now) => DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + 1);
}
