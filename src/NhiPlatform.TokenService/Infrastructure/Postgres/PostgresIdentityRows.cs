using System.Text.Json;
using Npgsql;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>Column lists and row readers of the identity tables.</summary>
internal static class PostgresIdentityRows
{
    public const string IdentityColumns =
        "client_id, display_name, owner, purpose, allowed_scopes, status, created_at, created_by, updated_at, updated_by, " +
        "tags, default_scopes, allowed_audiences, token_lifetime_seconds, credential_max_age_days, expires_at, require_sender_constrained_tokens";

    public const string SecretColumns = "secret_id, client_id, digest, created_at, expires_at, revoked_at, last_used_at, hint";

    public const string PublicKeyColumns = "credential_id, client_id, key_id, jwk, created_at, expires_at, revoked_at, last_used_at";

    public const string FederatedColumns =
        "credential_id, client_id, name, issuer, subject, audiences, claims::text, description, jwks, created_at, created_by, last_used_at";

    public static Identity ReadIdentity(NpgsqlDataReader reader) => new()
    {
        ClientId = reader.GetString(0),
        DisplayName = reader.GetString(1),
        Owner = reader.GetString(2),
        Purpose = reader.GetString(3),
        AllowedScopes = reader.GetFieldValue<string[]>(4),
        Status = reader.GetString(5),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
        CreatedBy = reader.GetString(7),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(8),
        UpdatedBy = reader.GetString(9),
        Tags = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(10)) ?? [],
        DefaultScopes = reader.GetFieldValue<string[]>(11),
        AllowedAudiences = reader.GetFieldValue<string[]>(12),
        TokenLifetimeSeconds = reader.GetInt32(13),
        CredentialMaxAgeDays = reader.GetInt32(14),
        ExpiresAt = NullableTime(reader, 15),
        RequireSenderConstrainedTokens = reader.GetBoolean(16),
    };

    public static ClientSecret ReadSecret(NpgsqlDataReader reader) => new()
    {
        SecretId = reader.GetGuid(0),
        ClientId = reader.GetString(1),
        Digest = reader.GetFieldValue<byte[]>(2),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
        ExpiresAt = reader.GetFieldValue<DateTimeOffset>(4),
        RevokedAt = NullableTime(reader, 5),
        LastUsedAt = NullableTime(reader, 6),
        Hint = reader.IsDBNull(7) ? null : reader.GetString(7),
    };

    public static ClientPublicKey ReadPublicKey(NpgsqlDataReader reader) => new()
    {
        CredentialId = reader.GetGuid(0),
        ClientId = reader.GetString(1),
        KeyId = reader.GetString(2),
        Jwk = reader.GetString(3),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
        ExpiresAt = reader.GetFieldValue<DateTimeOffset>(5),
        RevokedAt = NullableTime(reader, 6),
        LastUsedAt = NullableTime(reader, 7),
    };

    public static FederatedCredential ReadFederated(NpgsqlDataReader reader) => new()
    {
        CredentialId = reader.GetGuid(0),
        ClientId = reader.GetString(1),
        Name = reader.GetString(2),
        Issuer = reader.GetString(3),
        Subject = reader.GetString(4),
        Audiences = reader.GetFieldValue<string[]>(5),
        Claims = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [],
        Description = reader.IsDBNull(7) ? null : reader.GetString(7),
        Jwks = reader.IsDBNull(8) ? null : reader.GetString(8),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(9),
        CreatedBy = reader.GetString(10),
        LastUsedAt = NullableTime(reader, 11),
    };

    public static AuditEntry ReadAudit(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        OccurredAt = reader.GetFieldValue<DateTimeOffset>(1),
        Actor = reader.GetString(2),
        Action = reader.GetString(3),
        Target = reader.GetString(4),
        Before = reader.IsDBNull(5) ? null : reader.GetString(5),
        After = reader.IsDBNull(6) ? null : reader.GetString(6),
        Reason = reader.IsDBNull(7) ? null : reader.GetString(7),
    };

    /// <summary>Parameters $1..$17 in <see cref="IdentityColumns"/> order.</summary>
    public static void AddIdentityParameters(NpgsqlCommand command, Identity identity)
    {
        var p = command.Parameters;
        p.AddWithValue(identity.ClientId);
        p.AddWithValue(identity.DisplayName);
        p.AddWithValue(identity.Owner);
        p.AddWithValue(identity.Purpose);
        p.AddWithValue(identity.AllowedScopes.ToArray());
        p.AddWithValue(identity.Status);
        p.AddWithValue(identity.CreatedAt);
        p.AddWithValue(identity.CreatedBy);
        p.AddWithValue(identity.UpdatedAt);
        p.AddWithValue(identity.UpdatedBy);
        p.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(identity.Tags), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        p.AddWithValue(identity.DefaultScopes.ToArray());
        p.AddWithValue(identity.AllowedAudiences.ToArray());
        p.AddWithValue(identity.TokenLifetimeSeconds);
        p.AddWithValue(identity.CredentialMaxAgeDays);
        p.Add(new NpgsqlParameter { Value = (object?)identity.ExpiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        p.AddWithValue(identity.RequireSenderConstrainedTokens);
    }

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
