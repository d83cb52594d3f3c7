using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace NhiPlatform.ServiceDefaults.HealthChecks;

/// <summary>
/// Readiness of PostgreSQL through the service's own data source. Written here because the mirror's
/// AspNetCore.HealthChecks.NpgSql is a version that predates Npgsql 10.
/// </summary>
internal sealed class NpgsqlHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "PostgreSQL is unreachable.", exception);
        }
    }
}
