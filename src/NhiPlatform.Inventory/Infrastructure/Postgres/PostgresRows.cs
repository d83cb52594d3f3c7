using System.Text.Json;
using Npgsql;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>Column lists and row readers shared by the read-side queries.</summary>
internal static class PostgresRows
{
    public const string IdentityColumns = """
        client_id, display_name, owner, purpose, tags::text, allowed_scopes, status, credential_max_age_days, expires_at, created_at,
        updated_at, status_changed_at
        """;

    public const string CredentialColumns = """
        c.credential_id, c.source, c.client_id, c.name, c.system, c.owner, c.kind, c.hint, c.created_at, c.expires_at, c.revoked_at,
        c.last_rotated_at, c.last_used_at, c.subject, c.issuer, c.sans, c.serial_number, c.fingerprint, coalesce(nullif(c.owner, ''), i.owner)
        """;

    public const string EdgeColumns = "caller, caller_kind, route_id, service, first_seen, last_seen, calls, denials, scopes";

    public static IdentityRecord Identity(NpgsqlDataReader r) => new()
    {
        ClientId = r.GetString(0),
        DisplayName = r.GetString(1),
        Owner = r.GetString(2),
        Purpose = r.GetString(3),
        Tags = JsonSerializer.Deserialize(r.GetString(4), InventoryJsonContext.Default.DictionaryStringString) ?? [],
        AllowedScopes = r.GetFieldValue<string[]>(5),
        Status = r.GetString(6),
        CredentialMaxAgeDays = r.GetInt32(7),
        ExpiresAt = Instant(r, 8),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(9),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(10),
        StatusChangedAt = r.GetFieldValue<DateTimeOffset>(11),
    };

    public static CredentialRecord Credential(NpgsqlDataReader r) => new()
    {
        CredentialId = r.GetString(0),
        Source = r.GetString(1),
        ClientId = Text(r, 2),
        Name = r.GetString(3),
        System = Text(r, 4),
        Owner = Text(r, 5),
        Kind = r.GetString(6),
        Hint = Text(r, 7),
        CreatedAt = Instant(r, 8),
        ExpiresAt = Instant(r, 9),
        RevokedAt = Instant(r, 10),
        LastRotatedAt = Instant(r, 11),
        LastUsedAt = Instant(r, 12),
        Subject = Text(r, 13),
        Issuer = Text(r, 14),
        Sans = r.GetFieldValue<string[]>(15),
        SerialNumber = Text(r, 16),
        Fingerprint = Text(r, 17),
        EffectiveOwner = Text(r, 18),
    };

    public static EdgeRecord Edge(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(5), r.GetInt64(6), r.GetInt64(7), r.GetFieldValue<string[]>(8));

    public static CallerRecord Caller(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1),
        r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), r.GetInt64(4), r.GetInt64(5))
    {
        AuthenticationMethods = r.FieldCount > 6 ? r.GetFieldValue<string[]>(6) : [],
    };

    public static SourceRecord Source(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1),
        r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), r.GetInt64(4));

    public static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static NpgsqlParameter Nullable<T>(T? value, NpgsqlTypes.NpgsqlDbType type) =>
        new() { NpgsqlDbType = type, Value = (object?)value ?? DBNull.Value };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Instant(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
