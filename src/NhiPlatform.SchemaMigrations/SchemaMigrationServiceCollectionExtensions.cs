using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace NhiPlatform.SchemaMigrations;

public static class SchemaMigrationServiceCollectionExtensions
{
    /// <summary>Applies the migrations embedded in <paramref name="assembly"/> to <paramref name="schema"/> at start-up.</summary>
    public static IServiceCollection AddSchemaMigrations(this IServiceCollection services, string schema, Assembly assembly)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchemaMigrator>();
        services.AddHostedService(provider => new SchemaMigrationHostedService(
            provider.GetRequiredService<SchemaMigrator>(), schema, assembly,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SchemaMigrationHostedService>>()));
        return services;
    }
}
