using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.ServiceDefaults.HealthChecks;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The equivalent of Aspire's <c>Aspire.Npgsql</c> client integration, with its name and configuration key, so that
/// swapping the package in later is one line per service.
/// </summary>
public static class NpgsqlDataSourceExtensions
{
    /// <summary>Registers a singleton <see cref="NpgsqlDataSource"/> from <c>ConnectionStrings:{name}</c>, its health check and tracing.</summary>
    public static void AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        var key = NhiConfigurationKeys.ConnectionString(connectionName);
        var connectionString = builder.Configuration[key];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set configuration '{key}' " +
                $"(environment variable {NhiConfigurationKeys.ToEnvironmentVariable(key)}).");
        }

        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddHealthChecks().AddCheck<NpgsqlHealthCheck>($"{connectionName}-postgres");
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddNpgsql());
    }
}
