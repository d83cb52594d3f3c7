using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>
/// Binary COPY of a batch's new usage events straight into the ledger: no staging table and no second copy of the rows.
/// The primary key still guards idempotence; a row another consumer committed meanwhile fails the whole COPY
/// (unique violation) and the batch is retried.
/// </summary>
internal static class UsageLedgerCopy
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<UsageRecordedEvent> events, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(UsageLedgerSql.Copy, cancellationToken);
        foreach (var e in events)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(e.EventId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(e.SchemaVersion, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(e.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteTextAsync(importer, e.ClientId, cancellationToken);
            await WriteTextAsync(importer, e.TokenId, cancellationToken);
            await WriteTextAsync(importer, e.Scopes, cancellationToken);
            await WriteTextAsync(importer, e.UnverifiedIssuer, cancellationToken);
            await WriteTextAsync(importer, e.UnverifiedSubject, cancellationToken);
            await WriteTextAsync(importer, e.RouteId, cancellationToken);
            await WriteTextAsync(importer, e.Destination, cancellationToken);
            await WriteTextAsync(importer, e.Method, cancellationToken);
            await WriteTextAsync(importer, e.Path, cancellationToken);
            await importer.WriteAsync(e.Status, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(e.LatencyMs, NpgsqlDbType.Double, cancellationToken);
            await WriteTextAsync(importer, e.SourceAddress, cancellationToken);
            await WriteTextAsync(importer, e.UserAgent, cancellationToken);
            await WriteTextAsync(importer, e.Decision, cancellationToken);
            await WriteTextAsync(importer, e.Reason, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
