using Microsoft.Extensions.Logging;
using Npgsql;

namespace NhiPlatform.SchemaMigrations;

/// <summary>
/// Applies a schema's pending migrations in one transaction under a transaction-scoped advisory lock, so replicas
/// starting together apply each migration exactly once (see README.md).
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    public async Task<int> MigrateAsync(string schema, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        var quotedSchema = QuoteIdentifier(schema);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext(@key))", cancellationToken,
            new NpgsqlParameter("key", $"nhi-migrations:{schema}"));
        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {quotedSchema};
            CREATE TABLE IF NOT EXISTS {quotedSchema}.schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand($"SELECT version FROM {quotedSchema}.schema_migrations", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var count = 0;
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, $"SET LOCAL search_path TO {quotedSchema}, public;\n{migration.Sql}", cancellationToken);
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO {quotedSchema}.schema_migrations (version, name) VALUES (@version, @name)", cancellationToken,
                new NpgsqlParameter("version", migration.Version), new NpgsqlParameter("name", migration.Name));
            SchemaMigrationsLog.MigrationApplied(logger, schema, migration.Version, migration.Name);
            count++;
        }

        await transaction.CommitAsync(cancellationToken);
        SchemaMigrationsLog.SchemaReady(logger, schema, count);
        return count;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
