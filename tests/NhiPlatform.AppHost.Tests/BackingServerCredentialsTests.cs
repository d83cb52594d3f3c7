using System.Net.Sockets;
using System.Text;
using Npgsql;
using NhiPlatform.Testing.Platform;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// PostgreSQL and Redis as the AppHost runs them require credentials: a local user without the generated passwords
/// cannot write the streams the services trust or read their tables (the services get them in their connection strings).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BackingServerCredentialsTests(PlatformFixture fixture)
{
    private readonly AppHostPlatform _platform = fixture.Platform;

    [Fact]
    public async Task Redis_WithoutThePassword_AnswersNoAuth()
    {
        var redis = new Uri(_platform.Endpoints.Redis);
        using var client = new TcpClient();
        await client.ConnectAsync(redis.Host, redis.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("XADD nhi:identity-changes * forged 1\r\n"));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);

        Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", null)]
    [InlineData("nhi", null)]
    [InlineData("nhi", "guessed-password")]
    public async Task Postgres_WithoutThePassword_RefusesTheLogin(string user, string? password)
    {
        var postgres = new Uri(_platform.Endpoints.Postgres);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = postgres.Host, Port = postgres.Port, Database = postgres.AbsolutePath.Trim('/'), Username = user, Password = password,
            Pooling = false, Timeout = 5,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);

        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.True(refused is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } || refused.Message.Contains("password", StringComparison.OrdinalIgnoreCase),
            $"Expected a refused login, got: {refused.Message}");
    }
}
