using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Ingestion;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>The inventory on Kestrel against one environment of the local servers, and the stream it reads.</summary>
internal static class BenchHost
{
    /// <summary>Ingestion batch size of the benchmarked service (argument 5; the service's default otherwise).</summary>
    public static int? BatchSize { get; set; }

    /// <summary>Usage consumers per replica of the benchmarked service (argument 7; the service's default otherwise).</summary>
    public static int? UsageConsumers { get; set; }

    /// <summary>
    /// Events per stream entry the producer writes (argument 8; 200, the gateway's default, otherwise): more than one
    /// is a <c>usage.batch</c> entry as the gateway writes it, one a <c>usage.recorded</c> entry (EventsPerEntry=1).
    /// </summary>
    public static int EventsPerEntry { get; set; } = 200;

    public static ServiceHost<IngestionOptions> StartInventory(TestEnvironment environment)
    {
        var settings = new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = "https://gateway.bench",
            ["Nhi:Inventory:Live:Channel"] = $"nhi:inventory:changes:{Guid.NewGuid():N}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (BatchSize is { } size)
        {
            // Only when given: an empty value would not bind, and the service's default is what is measured otherwise.
            settings["Nhi:Inventory:Ingestion:BatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (UsageConsumers is { } consumers)
        {
            settings["Nhi:Inventory:Ingestion:UsageConsumers"] = consumers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var host = new ServiceHost<IngestionOptions>(settings);
        host.Start();
        return host;
    }

    /// <summary>
    /// An event as the gateway makes it; its id is a version 7 UUID of the event's time (the gateway's
    /// <c>UsageEventIds</c>), so the ledger's primary key grows at its right edge as it does in production.
    /// </summary>
    public static UsageRecordedEvent Event(int i, DateTimeOffset at) => new()
    {
        EventId = Guid.CreateVersion7(at), OccurredAt = at, ClientId = $"client-{i % 200}", TokenId = $"jti-{i / 50}", Scopes = "echo.read",
        RouteId = $"route-{i % 40}", Destination = $"service-{i % 10}", Method = "GET", Path = $"/svc/service-{i % 10}/items/{i % 1000}",
        Status = 200, LatencyMs = 3.5, SourceAddress = $"10.0.{i % 5}.1", UserAgent = "bench", Decision = UsageDecisions.Allowed,
    };

    /// <summary>The events as the gateway writes them: pipelined XADDs of <see cref="EventsPerEntry"/> events each.</summary>
    public static Task PublishAsync(IDatabase database, IReadOnlyList<UsageRecordedEvent> events) =>
        Task.WhenAll(events.Chunk(EventsPerEntry).Select(chunk => database.StreamAddAsync(NhiStreams.Usage, Entry(chunk))));

    private static NameValueEntry[] Entry(UsageRecordedEvent[] events) => events.Length == 1
        ?
        [
            new NameValueEntry(NhiStreams.TypeField, UsageRecordedEvent.TypeName),
            new NameValueEntry(NhiStreams.VersionField, UsageRecordedEvent.CurrentSchemaVersion),
            new NameValueEntry(NhiStreams.DataField, JsonSerializer.SerializeToUtf8Bytes(events[0], NhiEventsJsonContext.Default.UsageRecordedEvent)),
        ]
        :
        [
            new NameValueEntry(NhiStreams.TypeField, UsageBatch.TypeName),
            new NameValueEntry(NhiStreams.VersionField, UsageBatch.CurrentSchemaVersion),
            new NameValueEntry(NhiStreams.CountField, events.Length),
            new NameValueEntry(NhiStreams.DataField, JsonSerializer.SerializeToUtf8Bytes(events, NhiEventsJsonContext.Default.UsageRecordedEventArray)),
        ];

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
