using System.Text.Json;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_DescribesTheAdminApi()
    {
        var document = JsonDocument.Parse(await _host.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Contains("/api/admin/identities", paths);
        Assert.Contains("/api/admin/identities/{clientId}", paths);
        Assert.Contains("/api/admin/identities/{clientId}/disable", paths);
        Assert.Contains("/api/admin/identities/{clientId}/transfer", paths);
        Assert.Contains("/api/admin/identities/{clientId}/credentials/rotate", paths);
        Assert.Contains("/api/admin/identities/{clientId}/credentials/{credentialId}/revoke", paths);
        Assert.Contains("/api/admin/signing-keys/{kid}/revoke", paths);
        Assert.Contains("/api/admin/audit", paths);
    }
}
