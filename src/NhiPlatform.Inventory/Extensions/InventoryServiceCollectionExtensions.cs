using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Infrastructure.Postgres;
using NhiPlatform.Inventory.Infrastructure.Redis;
using NhiPlatform.Inventory.Ingestion;
using NhiPlatform.SchemaMigrations;
using NhiPlatform.TokenValidation;

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

        services.AddOptions<IngestionOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.InventorySection}:{IngestionOptions.SectionName}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IUsageLedger, PostgresUsageLedger>();
        services.AddSingleton<IUsageStream, RedisUsageStream>();
        services.AddHostedService<UsageIngestionService>();

        services.AddProblemDetails();
        services.AddOpenApi();
        return builder;
    }
}
