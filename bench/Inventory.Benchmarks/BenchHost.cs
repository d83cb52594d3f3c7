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

    public static UsageRecordedEvent Event(int i, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, ClientId = $"client-{i % 200}", TokenId = $"jti-{i / 50}", Scopes = "echo.read",
        RouteId = $"route-{i % 40}", Destination = $"service-{i % 10}", Method = "GET", Path = $"/svc/service-{i % 10}/items/{i % 1000}",
        Status = 200, LatencyMs = 3.5, SourceAddress = $"10.0.{i % 5}.1", UserAgent = "bench", Decision = UsageDecisions.Allowed,
    };

    public static Task PublishAsync(IDatabase database, IReadOnlyList<UsageRecordedEvent> events) =>
        Task.WhenAll(events.Select(e => database.StreamAddAsync(NhiStreams.Usage,
        [
            new NameValueEntry(NhiStreams.TypeField, UsageRecordedEvent.TypeName),
            new NameValueEntry(NhiStreams.VersionField, 1),
            new NameValueEntry(NhiStreams.DataField, JsonSerializer.Serialize(e, NhiEventsJsonContext.Default.UsageRecordedEvent)),
        ])));

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
