using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Apis;

/// <summary>Imports over HTTP: certificates and API-key CSV/JSON are stored and owned (or ownerless); malformed files store nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class ImportsApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private InventoryTestHost _host = null!;
    private string _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await InventoryTestHost.StartAsync(servers);
        _admin = await _host.GetTokenAsync(InventoryApiClient.AdminScope);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Certificates_ImportedWithOwner_ThenExpiringFindingAndRotationQuery()
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest("CN=mesh-gateway", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-400), DateTimeOffset.UtcNow.AddDays(7));
        var pem = certificate.ExportCertificatePem();

        var (status, body) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/imports/certificates?owner=team-mesh&system=istio", _admin,
            new StringContent(pem, Encoding.ASCII, "application/x-pem-file"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM inventory.credentials WHERE source = 'x509' AND owner = 'team-mesh' AND fingerprint = $1",
            certificate.GetCertHashString(HashAlgorithmName.SHA256)));
        await _host.SendAsync(HttpMethod.Post, "/api/inventory/findings/evaluate", _admin);
        var read = await _host.GetTokenAsync(InventoryApiClient.ReadScope);
        Assert.Single((await _host.GetOkAsync("/api/inventory/findings?rule=credential_expiring", read)).EnumerateArray());
        Assert.Single((await _host.GetOkAsync("/api/inventory/findings?rule=rotation_overdue", read)).EnumerateArray());
    }

    [Fact]
    public async Task ApiKeysCsv_OwnerlessReported_MalformedStoresNothing()
    {
        const string csv = "name,system,owner,created,expires,last_rotated\nci-deploy,github,team-ci,2026-01-01,,2026-03-01\nlegacy,crm,,2024-01-01,,\n";

        var (status, body) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/imports/api-keys", _admin, new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["api_key:crm/legacy"], body.GetProperty("ownerless").EnumerateArray().Select(e => e.GetString()));
        var before = await _host.ScalarAsync("SELECT count(*) FROM inventory.credentials");
        const string broken = "name,system,owner,created\ngood,github,team,2026-01-01\nbad,github,team,not-a-date\n";
        var (brokenStatus, problem) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/imports/api-keys", _admin, new StringContent(broken, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, brokenStatus);
        Assert.Contains("Line 3: created 'not-a-date' is not a date", problem.GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(before, await _host.ScalarAsync("SELECT count(*) FROM inventory.credentials"));
    }

    [Fact]
    public async Task MalformedPem_IsProblemAndStoresNothing()
    {
        var (status, problem) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/imports/certificates", _admin,
            new StringContent("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", Encoding.ASCII, "application/x-pem-file"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Import rejected: nothing was imported", problem.GetProperty("title").GetString());
        Assert.Equal(0, await _host.ScalarAsync("SELECT count(*) FROM inventory.credentials WHERE source = 'x509'"));
    }

    [Fact]
    public async Task ApiKeysJson_Imported()
    {
        var (status, body) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/imports/api-keys", _admin,
            InventoryApiClient.Json(new[] { new { name = "stripe-live", system = "stripe", owner = "team-pay", created = "2026-02-01", lastRotated = "2026-02-01" } }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body.GetProperty("ownerless").EnumerateArray());
    }
}
