using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>A batch's read-model deltas as one round trip: one array-parameter upsert per read model.</summary>
internal static class UsageReadModelWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, UsageReadModelDeltas deltas, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var callers = deltas.Callers;
        Add(batch, UsageLedgerSql.Callers,
            Text(callers.Keys), Text(callers.Values.Select(d => d.Kind)), Instants(callers.Values.Select(d => d.FirstSeen)),
            Instants(callers.Values.Select(d => d.LastSeen)), Counts(callers.Values.Select(d => d.Calls)), Counts(callers.Values.Select(d => d.Denials)));
        var edges = deltas.Edges;
        Add(batch, UsageLedgerSql.Edges,
            Text(edges.Keys.Select(k => k.Caller)), Text(edges.Values.Select(d => d.Kind)), Text(edges.Keys.Select(k => k.RouteId)),
            Text(edges.Keys.Select(k => k.Service)), Instants(edges.Values.Select(d => d.FirstSeen)), Instants(edges.Values.Select(d => d.LastSeen)),
            Counts(edges.Values.Select(d => d.Calls)), Counts(edges.Values.Select(d => d.Denials)), Text(edges.Values.Select(d => d.Scopes)));
        var sources = deltas.Sources;
        if (sources.Count > 0)
        {
            Add(batch, UsageLedgerSql.Sources,
                Text(sources.Keys.Select(k => k.Caller)), Text(sources.Keys.Select(k => k.SourceAddress)), Instants(sources.Values.Select(d => d.FirstSeen)),
                Instants(sources.Values.Select(d => d.LastSeen)), Counts(sources.Values.Select(d => d.Calls)));
        }

        var daily = deltas.Daily;
        Add(batch, UsageLedgerSql.Daily,
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date, Value = daily.Keys.Select(k => k.Day).ToArray() },
            Text(daily.Keys.Select(k => k.Caller)), Text(daily.Keys.Select(k => k.RouteId)), Text(daily.Keys.Select(k => k.Service)),
            Counts(daily.Values.Select(d => d.Calls)), Counts(daily.Values.Select(d => d.Denials)));
        var hourly = deltas.Hourly;
        Add(batch, UsageLedgerSql.Hourly,
            Text(hourly.Keys.Select(k => k.Caller)),
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = hourly.Keys.Select(k => k.Hour).ToArray() },
            Counts(hourly.Values.Select(d => d.Calls)));
        if (deltas.AuthenticationMethods.Count > 0)
        {
            Add(batch, UsageLedgerSql.CallerAuthenticationMethods,
                Text(deltas.AuthenticationMethods.Keys), Text(deltas.AuthenticationMethods.Values.Select(m => string.Join(' ', m))));
        }

        if (deltas.CredentialUses.Count > 0)
        {
            Add(batch, UsageLedgerSql.CredentialUses, Text(deltas.CredentialUses.Keys), Instants(deltas.CredentialUses.Values));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    private static NpgsqlParameter Text(IEnumerable<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static NpgsqlParameter Instants(IEnumerable<DateTimeOffset> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = values.Select(v => v.UtcDateTime).ToArray() };

    private static NpgsqlParameter Counts(IEnumerable<long> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = values.ToArray() };
}
