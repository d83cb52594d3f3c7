using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Identities;

[Collection(ServersCollection.Name)]
public sealed class IdentityChangeStreamTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryChange_IsOnTheStreamInOrder_AsIdentityChangedV1WithoutSecrets()
    {
        var created = await _host.CreateAsync(new { clientId = "stream-me", displayName = "s", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" } });
        var secret = created.GetProperty("clientSecret").GetString()!;
        (await _host.AdminAsync(HttpMethod.Patch, "/api/admin/identities/stream-me", new { purpose = "p2" })).Dispose();
        using var rotated = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/stream-me/credentials/rotate");
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        (await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/stream-me/disable")).Dispose();

        var entries = await Eventually.TrueAsync(
            async () => (await _host.Redis.StreamRangeAsync(NhiStreams.Identities))
                .Where(e => e[NhiStreams.DataField].ToString().Contains("\"clientId\":\"stream-me\"", StringComparison.Ordinal)).ToArray(),
            found => found.Length == 4);

        var events = entries.Select(e =>
        {
            Assert.Equal(IdentityChangedEvent.TypeName, e[NhiStreams.TypeField].ToString());
            Assert.Equal("1", e[NhiStreams.VersionField].ToString());
            var data = e[NhiStreams.DataField].ToString();
            Assert.DoesNotContain(secret, data, StringComparison.Ordinal);
            Assert.DoesNotContain(newSecret, data, StringComparison.Ordinal);
            Assert.DoesNotContain("digest", data, StringComparison.OrdinalIgnoreCase);
            return JsonSerializer.Deserialize(data, NhiEventsJsonContext.Default.IdentityChangedEvent)!;
        }).ToArray();
        Assert.Equal(
            [IdentityChangeKinds.Created, IdentityChangeKinds.Updated, IdentityChangeKinds.CredentialRotated, IdentityChangeKinds.Disabled],
            events.Select(e => e.Change));
        Assert.All(events, e => Assert.Equal("nhi-admin", e.Actor));
        Assert.Equal(events.Length, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal("p2", events[1].Identity.Purpose);
        Assert.Equal(2, events[2].Identity.Credentials.Count);
        Assert.NotNull(events[2].Credential);
        Assert.Equal("disabled", events[3].Identity.Status);
    }

    [Fact]
    public async Task Outbox_IsMarkedSentAfterPublishing()
    {
        await _host.CreateAsync(new { clientId = "outbox-me", displayName = "s", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" } });

        await using var connection = new NpgsqlConnection(_host.Environment.PostgresConnectionString);
        await connection.OpenAsync();
        var unsent = await Eventually.TrueAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM tokens.outbox WHERE sent_at IS NULL", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }, count => count == 0);
        await using var total = new NpgsqlCommand("SELECT count(*) FROM tokens.outbox", connection);

        Assert.Equal(0, unsent);
        Assert.True((long)(await total.ExecuteScalarAsync())! >= 2);
    }

    [Fact]
    public async Task AuditLog_IsAppendOnly()
    {
        await _host.CreateAsync(new { clientId = "audit-me", displayName = "s", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" } });

        await using var connection = new NpgsqlConnection(_host.Environment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE tokens.audit_log SET actor = 'mallory'", connection);
        await using var delete = new NpgsqlCommand("DELETE FROM tokens.audit_log", connection);

        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
    }
}
