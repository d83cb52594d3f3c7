using NhiPlatform.ServiceDefaults.Problems;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;
using NhiPlatform.Inventory.Findings.Lifecycle;
using NhiPlatform.Inventory.Infrastructure;
using NhiPlatform.Inventory.Infrastructure.Postgres;
using NhiPlatform.Inventory.Infrastructure.Redis;
using NhiPlatform.Inventory.Ingestion;
using NhiPlatform.Inventory.Live;
using NhiPlatform.SchemaMigrations;
using NhiPlatform.TokenValidation;
using OpenTelemetry.Metrics;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Extensions;

internal static class InventoryServiceCollectionExtensions
{
    public const string Schema = "inventory";

    public static IHostApplicationBuilder AddInventory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddNpgsqlDataSource(NhiResources.Database);
        builder.AddRedisClient(NhiResources.Cache);
        builder.AddNhiAccessTokenValidation();
        services.AddSchemaMigrations(Schema, typeof(InventoryServiceCollectionExtensions).Assembly);

        AddValidatedOptions<IngestionOptions>(services, IngestionOptions.SectionName);
        AddValidatedOptions<LedgerOptions>(services, LedgerOptions.SectionName);
        AddValidatedOptions<FindingsOptions>(services, FindingsOptions.SectionName);
        AddValidatedOptions<LiveOptions>(services, LiveOptions.SectionName);
        AddValidatedOptions<LifecycleOptions>(services, LifecycleOptions.SectionName);
        services.AddSingleton<IValidateOptions<LifecycleOptions>, LifecycleOptionsValidator>();
        services.AddSingleton(new InventoryIssuer(builder.Configuration[NhiConfigurationKeys.Issuer]!));

        services.AddSingleton<PostgresUsageLedger>();
        services.AddSingleton<IUsageLedger>(provider => provider.GetRequiredService<PostgresUsageLedger>());
        services.AddSingleton<ILedgerMaintenance, PostgresLedgerMaintenance>();
        services.AddSingleton<IIdentityCatalogue, PostgresIdentityCatalogue>();
        services.AddSingleton<IInventoryReader, PostgresInventoryReader>();
        services.AddSingleton<IFindingStore, PostgresFindingStore>();
        services.AddSingleton<ICredentialImportStore, PostgresCredentialImportStore>();

        services.AddIngestion(builder.Configuration);
        services.AddLiveUpdates();
        services.AddFindings();

        services.AddBadRequestProblemDetails();
        services.AddOpenApi();
        return builder;
    }

    private static void AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IngestionMetrics>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(IngestionMetrics.MeterName));
        services.AddSingleton<UsageBatchSink>();
        services.AddSingleton<IdentityBatchSink>();
        for (var index = 0; index < UsageConsumers(configuration); index++)
        {
            var consumer = index;
            services.AddSingleton<IHostedService>(provider => CreateIngestion<UsageBatchSink>(provider, NhiStreams.Usage, consumer));
        }

        services.AddSingleton<IHostedService>(provider => CreateIngestion<IdentityBatchSink>(provider, NhiStreams.Identities, 0));
        services.AddHostedService<LedgerMaintenanceService>();
        services.AddSingleton<IAcknowledgedEntryTrimmer, RedisAcknowledgedEntryTrimmer>();
        services.AddHostedService<UsageStreamTrimService>();
    }

    /// <summary>Read before the container exists (it decides how many hosted services to register); validated with the options.</summary>
    private static int UsageConsumers(IConfiguration configuration) =>
        Math.Clamp(configuration.GetSection($"{NhiConfigurationKeys.InventorySection}:{IngestionOptions.SectionName}").GetValue<int?>(nameof(IngestionOptions.UsageConsumers))
                   ?? new IngestionOptions().UsageConsumers, 1, 8);

    private static StreamIngestionService CreateIngestion<TSink>(IServiceProvider provider, string stream, int index) where TSink : IBatchSink
    {
        var options = provider.GetRequiredService<IOptions<IngestionOptions>>();
        var name = options.Value.ConsumerName ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        // The first consumer keeps the replica's name; the others are distinct members of the same group.
        var consumer = index == 0 ? name : $"{name}-{index + 1}";
        var eventStream = new RedisEventStream(stream, consumer, provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetRequiredService<ILogger<RedisEventStream>>());
        return ActivatorUtilities.CreateInstance<StreamIngestionService>(provider, eventStream, provider.GetRequiredService<TSink>());
    }

    private static void AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<RedisLiveChannel>();
        services.AddSingleton<ILiveChangePublisher>(provider => provider.GetRequiredService<RedisLiveChannel>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<RedisLiveChannel>());
        services.AddSingleton<ILiveTicketStore, RedisLiveTicketStore>();
        services.AddSingleton<ILiveAccessCheck, LiveAccessCheck>();
        services.AddHostedService<LiveAccessMonitor>();
    }

    private static void AddFindings(this IServiceCollection services)
    {
        foreach (var rule in FindingRules.All)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IFindingRule), rule));
        }

        services.AddSingleton<FindingEngine>();
        services.AddHttpClient(WebhookFindingNotifier.HttpClientName);
        services.TryAddSingleton<IFindingNotifier, WebhookFindingNotifier>();
        services.AddHttpClient(TokenServiceAdminClient.HttpClientName, client => client.BaseAddress = new Uri($"http://{NhiResources.Tokens}"));
        services.TryAddSingleton<ITokenServiceAdmin, TokenServiceAdminClient>();
        services.AddSingleton<DormantIdentityPolicy>();
        services.AddHostedService<FindingsScheduler>();
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section) where TOptions : class =>
        services.AddOptions<TOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.InventorySection}:{section}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
