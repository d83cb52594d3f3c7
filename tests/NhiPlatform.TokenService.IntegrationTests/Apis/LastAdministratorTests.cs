using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

/// <summary>
/// The admin API never leaves the platform without an active, non-expiring identity allowed <c>nhi.admin</c>, also
/// when two replicas on one database each remove one of the last two at the same time.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LastAdministratorTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string Admin = "nhi-admin";
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Change_TakingAwayTheOnlyAdministrator_Is409AndChangesNothing()
    {
        await AssertRefusedAsync(HttpMethod.Post, $"/api/admin/identities/{Admin}/disable");
        await AssertRefusedAsync(HttpMethod.Patch, $"/api/admin/identities/{Admin}", new { allowedScopes = new[] { NhiScopes.Read } });
        await AssertRefusedAsync(HttpMethod.Patch, $"/api/admin/identities/{Admin}", new { expiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        await AssertRefusedAsync(HttpMethod.Delete, $"/api/admin/identities/{Admin}");

        using var identity = await _host.AdminAsync(HttpMethod.Get, $"/api/admin/identities/{Admin}");
        var body = await identity.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.Contains(NhiScopes.Admin, body.GetProperty("allowedScopes").EnumerateArray().Select(s => s.GetString()));
        _host.ForgetAdminToken();
        Assert.False(string.IsNullOrEmpty(await _host.GetAdminTokenAsync()));
    }

    [Fact]
    public async Task Disable_WhileAnotherAdministratorRemains_Succeeds()
    {
        var (second, secret) = await _host.RegisterAsync(NhiScopes.Admin);
        using (var disabled = await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{second}/disable"))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }

        await AssertRefusedAsync(HttpMethod.Post, $"/api/admin/identities/{Admin}/disable");
        using (var enabled = await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{second}/enable"))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        }

        using var bootstrapDisabled = await AsAsync(_host, await _host.GetTokenAsync(second, secret, NhiScopes.Admin),
            HttpMethod.Post, $"/api/admin/identities/{Admin}/disable");
        Assert.Equal(HttpStatusCode.OK, bootstrapDisabled.StatusCode);
    }

    [Fact]
    public async Task Disable_TheLastTwoConcurrentlyOnTwoReplicas_ExactlyOneSucceeds()
    {
        await using var replica = await TokenServiceTestHost.StartAsync(servers, _host.Environment, _host.StateDirectory);
        var (b, bSecret) = await _host.RegisterAsync(NhiScopes.Admin);
        var (c, cSecret) = await _host.RegisterAsync(NhiScopes.Admin);
        var bToken = await _host.GetTokenAsync(b, bSecret, NhiScopes.Admin);
        var cToken = await _host.GetTokenAsync(c, cSecret, NhiScopes.Admin);
        using (var bootstrapDisabled = await AsAsync(_host, bToken, HttpMethod.Post, $"/api/admin/identities/{Admin}/disable"))
        {
            Assert.Equal(HttpStatusCode.OK, bootstrapDisabled.StatusCode);   // b and c are now the last two
        }

        for (var round = 0; round < 5; round++)
        {
            // Each replica is asked to disable one of the two at the same moment.
            using var start = new SemaphoreSlim(0);
            var first = Task.Run(async () => { await start.WaitAsync(); return await AsAsync(_host, bToken, HttpMethod.Post, $"/api/admin/identities/{c}/disable"); });
            var second = Task.Run(async () => { await start.WaitAsync(); return await AsAsync(replica, cToken, HttpMethod.Post, $"/api/admin/identities/{b}/disable"); });
            start.Release(2);
            var responses = await Task.WhenAll(first, second);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            Assert.Equal(1L, await CountLastingAdministratorsAsync());
            var (winnerToken, loser) = responses[0].StatusCode == HttpStatusCode.OK ? (bToken, c) : (cToken, b);
            using var reenabled = await AsAsync(_host, winnerToken, HttpMethod.Post, $"/api/admin/identities/{loser}/enable");
            Assert.Equal(HttpStatusCode.OK, reenabled.StatusCode);
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private async Task AssertRefusedAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await _host.AdminAsync(method, path, body);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("nhi.admin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> AsAsync(TokenServiceTestHost host, string token, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }

    private async Task<long> CountLastingAdministratorsAsync()
    {
        await using var connection = new NpgsqlConnection(_host.Environment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM tokens.identities WHERE status = 'active' AND expires_at IS NULL AND 'nhi.admin' = ANY (allowed_scopes)", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
