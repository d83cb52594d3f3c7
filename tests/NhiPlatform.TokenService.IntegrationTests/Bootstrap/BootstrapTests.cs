using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using NhiPlatform.Testing;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.TokenService.IntegrationTests.Bootstrap;

[Collection(ServersCollection.Name)]
public sealed class BootstrapTests(LocalServersFixture servers)
{
    [Fact]
    public async Task FirstStart_WritesAdminCredentialsOwnerOnly()
    {
        await using var host = await TokenServiceTestHost.StartAsync(servers);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.BootstrapFile));
        var admin = await host.ReadBootstrapAsync();
        Assert.Equal("nhi-admin", admin.ClientId);
        Assert.Equal($"{TokenServiceTestHost.Issuer}/connect/token", admin.TokenEndpoint);
        Assert.False(string.IsNullOrEmpty(await host.GetAdminTokenAsync()));
    }

    [Fact]
    public async Task Restart_KeepsAdminAndSigningKey()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var state = Directory.CreateTempSubdirectory("nhi-tokens-test-").FullName;
        string firstSecret, firstJwks;
        await using (var first = await TokenServiceTestHost.StartAsync(servers, environment, state))
        {
            firstSecret = (await first.ReadBootstrapAsync()).ClientSecret;
            firstJwks = await first.Client.GetStringAsync("/.well-known/jwks.json");
        }

        await using var second = await TokenServiceTestHost.StartAsync(servers, environment, state);

        Assert.Equal(firstSecret, (await second.ReadBootstrapAsync()).ClientSecret);
        Assert.Equal(firstJwks, await second.Client.GetStringAsync("/.well-known/jwks.json"));
        Assert.False(string.IsNullOrEmpty(await second.GetAdminTokenAsync()));
    }

    [Fact]
    public async Task TwoReplicasStartingTogether_ShareOneAdminOneKeyAndValidateEachOther()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var state = Directory.CreateTempSubdirectory("nhi-tokens-test-").FullName;

        var starts = await Task.WhenAll(
            Task.Run(() => TokenServiceTestHost.StartAsync(servers, environment, state)),
            Task.Run(() => TokenServiceTestHost.StartAsync(servers, environment, state)));
        await using var a = starts[0];
        await using var b = starts[1];

        await using (var connection = new NpgsqlConnection(environment.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var keys = new NpgsqlCommand("SELECT count(*) FROM tokens.signing_keys", connection);
            Assert.Equal(1L, await keys.ExecuteScalarAsync());
            await using var admins = new NpgsqlCommand("SELECT count(*) FROM tokens.identities WHERE client_id = 'nhi-admin'", connection);
            Assert.Equal(1L, await admins.ExecuteScalarAsync());
            await using var migrations = new NpgsqlCommand("SELECT count(*) FROM tokens.schema_migrations", connection);
            // Each migration applied exactly once, though both replicas ran the migrator.
            var embedded = NhiPlatform.SchemaMigrations.EmbeddedMigrationSource.Load(typeof(Program).Assembly).Count;
            Assert.Equal((long)embedded, await migrations.ExecuteScalarAsync());
        }

        var tokenFromA = await a.GetAdminTokenAsync();
        var parameters = AccessTokenValidationParameters.Create(TokenServiceTestHost.Issuer, "nhi-gateway");
        parameters.IssuerSigningKeys = new JsonWebKeySet(await b.Client.GetStringAsync("/.well-known/jwks.json")).GetSigningKeys();
        Assert.True((await new JsonWebTokenHandler().ValidateTokenAsync(tokenFromA, parameters)).IsValid);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/identities");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokenFromA);
        using var response = await b.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
