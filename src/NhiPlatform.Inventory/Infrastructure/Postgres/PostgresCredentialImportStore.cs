using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>Imported credentials into <c>inventory.credentials</c>, in one statement over arrays (all or nothing).</summary>
internal sealed class PostgresCredentialImportStore(NpgsqlDataSource dataSource) : ICredentialImportStore
{
    public async Task<int> ImportAsync(IReadOnlyList<CredentialRecord> records, string importedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO inventory.credentials AS t (credential_id, source, name, system, owner, kind, created_at, expires_at, last_rotated_at,
                subject, issuer, sans, serial_number, fingerprint, imported_at, imported_by)
            SELECT id, source, name, system, owner, kind, created, expires, rotated, subject, issuer,
                   coalesce(string_to_array(nullif(sans, ''), E'\n'), '{}'), serial, fingerprint, $15, $16
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                        $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
                 AS r(id, source, name, system, owner, kind, created, expires, rotated, subject, issuer, sans, serial, fingerprint)
            ON CONFLICT (credential_id) DO UPDATE SET name = excluded.name, system = excluded.system, owner = excluded.owner,
                created_at = excluded.created_at, expires_at = excluded.expires_at, last_rotated_at = excluded.last_rotated_at,
                subject = excluded.subject, issuer = excluded.issuer, sans = excluded.sans, imported_at = excluded.imported_at,
                imported_by = excluded.imported_by
            """);
        Text(command, records.Select(r => r.CredentialId));
        Text(command, records.Select(r => r.Source));
        Text(command, records.Select(r => r.Name));
        Text(command, records.Select(r => r.System));
        Text(command, records.Select(r => r.Owner));
        Text(command, records.Select(r => r.Kind));
        Instant(command, records.Select(r => r.CreatedAt));
        Instant(command, records.Select(r => r.ExpiresAt));
        Instant(command, records.Select(r => r.LastRotatedAt));
        Text(command, records.Select(r => r.Subject));
        Text(command, records.Select(r => r.Issuer));
        Text(command, records.Select(r => string.Join('\n', r.Sans)));
        Text(command, records.Select(r => r.SerialNumber));
        Text(command, records.Select(r => r.Fingerprint));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = importedBy });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Text(NpgsqlCommand command, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() });

    private static void Instant(NpgsqlCommand command, IEnumerable<DateTimeOffset?> values) =>
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            Value = values.Select(v => v?.UtcDateTime).ToArray(),
        });
}
