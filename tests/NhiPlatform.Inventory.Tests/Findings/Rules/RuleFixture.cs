using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;

namespace NhiPlatform.Inventory.Tests.Findings.Rules;

/// <summary>Snapshots and a controlled clock for the rule tests.</summary>
internal static class RuleFixture
{
    public const string Issuer = "https://gateway.test";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static FindingContext Context(InventorySnapshot snapshot, TimeProvider? clock = null, FindingsOptions? options = null) =>
        new(snapshot, (clock ?? Clock()).GetUtcNow(), options ?? new FindingsOptions(), Issuer);

    public static IdentityRecord Identity(string clientId, DateTimeOffset createdAt, string status = "active", string owner = "team-a",
        string purpose = "does things", IReadOnlyList<string>? scopes = null, Dictionary<string, string>? tags = null, DateTimeOffset? statusChangedAt = null) => new()
    {
        ClientId = clientId, DisplayName = clientId, Owner = owner, Purpose = purpose, Status = status,
        AllowedScopes = scopes ?? ["echo.read"], Tags = tags ?? new Dictionary<string, string> { ["env"] = "prod" },
        CredentialMaxAgeDays = 90, CreatedAt = createdAt, UpdatedAt = createdAt, StatusChangedAt = statusChangedAt ?? createdAt,
    };

    public static CredentialRecord Credential(string id, DateTimeOffset createdAt, string? clientId = "orders", string source = "tokens",
        DateTimeOffset? expiresAt = null, DateTimeOffset? lastUsedAt = null, DateTimeOffset? revokedAt = null, string? owner = "team-a") => new()
    {
        CredentialId = id, Source = source, ClientId = clientId, Name = id, Kind = source == "x509" ? "certificate" : "client_secret",
        CreatedAt = createdAt, LastRotatedAt = createdAt, ExpiresAt = expiresAt, LastUsedAt = lastUsedAt, RevokedAt = revokedAt, EffectiveOwner = owner,
    };

    public static CallerRecord Caller(string caller, DateTimeOffset lastSeen, string kind = "identity", long calls = 10) =>
        new(caller, kind, lastSeen.AddDays(-1), lastSeen, calls, 0);

    public static EdgeRecord Edge(string caller, string route, DateTimeOffset firstSeen, params string[] scopes) =>
        new(caller, "identity", route, route, firstSeen, firstSeen.AddMinutes(1), 5, 0, scopes);
}
