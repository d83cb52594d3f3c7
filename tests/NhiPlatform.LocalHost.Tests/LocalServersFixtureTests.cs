using NhiPlatform.Testing;
using Npgsql;
using StackExchange.Redis;

namespace NhiPlatform.LocalHost.Tests;

[Collection(ServersCollection.Name)]
public sealed class LocalServersFixtureTests(LocalServersFixture servers)
{
    [Fact]
    public async Task CreateEnvironmentAsync_TwoCalls_GiveSeparateDatabases()
    {
        var first = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var second = await servers.CreateEnvironmentAsync(CancellationToken.None);

        Assert.NotEqual(first.PostgresConnectionString, second.PostgresConnectionString);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(first.RedisConnectionString))
        {
            await redis.GetDatabase().StringSetAsync("owner", "first");
        }

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(second.RedisConnectionString))
        {
            Assert.False((await redis.GetDatabase().StringGetAsync("owner")).HasValue);
        }

        await using var connection = new NpgsqlConnection(second.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.StartsWith("t_", (string?)await command.ExecuteScalarAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestartPostgresAsync_KeepsConnectionStringValid()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);

        await servers.RestartPostgresAsync(CancellationToken.None);

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(environment.PostgresConnectionString);
        await connection.OpenAsync();
        Assert.True(servers.IsPostgresRunning);
    }

    [Fact]
    public async Task RestartRedisAsync_KeepsPortAndData()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString))
        {
            await redis.GetDatabase().StringSetAsync("kept", "yes");
        }

        var port = servers.RedisPort;
        await servers.RestartRedisAsync(CancellationToken.None);

        Assert.Equal(port, servers.RedisPort);
        await using var again = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString);
        Assert.Equal("yes", (string?)await again.GetDatabase().StringGetAsync("kept"));
    }
}
