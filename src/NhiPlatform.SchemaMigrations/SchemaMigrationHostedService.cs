using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NhiPlatform.SchemaMigrations;

/// <summary>
/// Migrates the service's schema in <see cref="StartAsync"/>, which the host awaits before the server listens, so
/// no request ever sees an old schema. Waits out a database that is still starting (bounded).
/// </summary>
internal sealed class SchemaMigrationHostedService(
    SchemaMigrator migrator, string schema, Assembly assembly, TimeProvider timeProvider, ILogger<SchemaMigrationHostedService> logger)
    : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int MaxAttempts = 60;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migrations = EmbeddedMigrationSource.Load(assembly);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(schema, migrations, cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && attempt < MaxAttempts)
            {
                SchemaMigrationsLog.DatabaseUnavailable(logger, exception, schema, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, timeProvider, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
