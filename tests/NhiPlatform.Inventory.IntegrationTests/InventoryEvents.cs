using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests;

/// <summary>identity.changed v1 and usage events exactly as the token service and the gateway write them (Contracts), and their stream entries.</summary>
internal static class InventoryEvents
{
    public static IdentityChangedEvent IdentityChanged(
        string clientId, DateTimeOffset at, string change = IdentityChangeKinds.Created, string owner = "team-orders", string status = "active",
        string purpose = "Places orders", IReadOnlyList<string>? scopes = null, IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyList<CredentialSnapshot>? credentials = null, DateTimeOffset? createdAt = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        Change = change,
        ClientId = clientId,
        Actor = "admin",
        Identity = new IdentitySnapshot
        {
            ClientId = clientId,
            DisplayName = clientId + " service",
            Owner = owner,
            Purpose = purpose,
            Tags = tags ?? new Dictionary<string, string> { ["env"] = "prod" },
            AllowedScopes = scopes ?? ["echo.read"],
            AllowedAudiences = [NhiAudiences.Gateway],
            Status = status,
            TokenLifetimeSeconds = 300,
            CredentialMaxAgeDays = 90,
            CreatedAt = createdAt ?? at,
            CreatedBy = "admin",
            UpdatedAt = at,
            UpdatedBy = "admin",
            Credentials = credentials ?? [Secret(clientId + "-secret-1", createdAt ?? at)],
        },
    };

    public static CredentialSnapshot Secret(string id, DateTimeOffset createdAt, DateTimeOffset? expiresAt = null, DateTimeOffset? lastUsedAt = null,
        DateTimeOffset? revokedAt = null) => new()
    {
        CredentialId = id, Kind = "client_secret", Hint = "ab12", CreatedAt = createdAt, ExpiresAt = expiresAt, LastUsedAt = lastUsedAt, RevokedAt = revokedAt,
    };

    public static Task<RedisValue> PublishAsync(IDatabase redis, IdentityChangedEvent change) =>
        redis.StreamAddAsync(NhiStreams.Identities,
        [
            new NameValueEntry(NhiStreams.TypeField, IdentityChangedEvent.TypeName),
            new NameValueEntry(NhiStreams.VersionField, 1),
            new NameValueEntry(NhiStreams.DataField, JsonSerializer.Serialize(change, NhiEventsJsonContext.Default.IdentityChangedEvent)),
        ]);

    /// <summary>A usage.batch v1 entry as the gateway writes it: the events as one JSON array, their count in <c>n</c>.</summary>
    public static NameValueEntry[] BatchEntry(IReadOnlyList<UsageRecordedEvent> events) =>
    [
        new NameValueEntry(NhiStreams.TypeField, UsageBatch.TypeName),
        new NameValueEntry(NhiStreams.VersionField, UsageBatch.CurrentSchemaVersion),
        new NameValueEntry(NhiStreams.CountField, events.Count),
        new NameValueEntry(NhiStreams.DataField, JsonSerializer.SerializeToUtf8Bytes([.. events], NhiEventsJsonContext.Default.UsageRecordedEventArray)),
    ];

    public static UsageRecordedEvent Call(string? clientId, string route, string service, DateTimeOffset at, string? scopes = "echo.read",
        string decision = UsageDecisions.Allowed, string? source = "10.0.0.1", string? tokenId = null) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = at,
        ClientId = clientId,
        TokenId = tokenId ?? (clientId is null ? null : Guid.NewGuid().ToString("N")),
        Scopes = clientId is null ? null : scopes,
        RouteId = route,
        Destination = service,
        Method = "GET",
        Path = $"/svc/{service}/x",
        Status = decision == UsageDecisions.Allowed ? 200 : 403,
        LatencyMs = 2,
        SourceAddress = source,
        Decision = decision,
        Reason = decision == UsageDecisions.Allowed ? null : UsageReasons.InsufficientScope,
    };
}
