using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts;
using NhiPlatform.ServiceDefaults.HealthChecks;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The equivalent of Aspire's <c>Aspire.StackExchange.Redis</c> client integration, with its name and configuration
/// key, so that swapping the package in later is one line per service.
/// </summary>
public static class RedisClientExtensions
{
    /// <summary>Registers a singleton <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:{name}</c> and its health check.</summary>
    public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var key = NhiConfigurationKeys.ConnectionString(connectionName);
        var connectionString = builder.Configuration[key];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set configuration '{key}' " +
                $"(environment variable {NhiConfigurationKeys.ToEnvironmentVariable(key)}).");
        }

        var options = ConfigurationOptions.Parse(connectionString);
        // Start even while Redis is down and reconnect in the background: callers see failures, never a dead process.
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>($"{connectionName}-redis");
    }
}
