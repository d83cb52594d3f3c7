using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Testing;
using NhiPlatform.TokenService.Federation;

namespace NhiPlatform.TokenService.IntegrationTests.Federation;

/// <summary>The admin API of federated credentials: Entra-like shape, defaults, validation as ProblemDetails, the limit, audit.</summary>
[Collection(ServersCollection.Name)]
public sealed class FederatedCredentialsApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string GitHub = "https://token.actions.githubusercontent.com";
    private TokenServiceTestHost _host = null!;
    private string _clientId = null!;

    public async Task InitializeAsync()
    {
        // Default options: loopback http issuers are not allowed.
        _host = await TokenServiceTestHost.StartAsync(servers);
        (_clientId, _) = await _host.RegisterAsync("echo.read");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Path => $"/api/admin/identities/{_clientId}/federated-credentials";

    [Fact]
    public async Task Add_ThenListGetDelete_RoundTripsWithDefaultsAndAudit()
    {
        using var created = await _host.AdminAsync(HttpMethod.Post, Path, new
        {
            name = "deploy",
            issuer = GitHub,
            subject = "repo:contoso/billing:environment:prod",
            claims = new Dictionary<string, string> { ["repository_owner"] = "contoso" },
            description = "prod deployments",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(new[] { FederationTestClient.TokenEndpoint, TokenServiceTestHost.Issuer },
            body.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.False(body.GetProperty("pinnedJwks").GetBoolean());

        using var list = await _host.AdminAsync(HttpMethod.Get, Path);
        using var get = await _host.AdminAsync(HttpMethod.Get, Path + "/deploy");
        using var identity = await _host.AdminAsync(HttpMethod.Get, $"/api/admin/identities/{_clientId}");
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("contoso", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("claims").GetProperty("repository_owner").GetString());
        Assert.Contains((await identity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("credentials").EnumerateArray(),
            c => c.GetProperty("kind").GetString() == "federated" && c.GetProperty("subject").GetString() == "repo:contoso/billing:environment:prod");

        using var deleted = await _host.AdminAsync(HttpMethod.Delete, Path + "/deploy");
        using var gone = await _host.AdminAsync(HttpMethod.Get, Path + "/deploy");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        using var audit = await _host.AdminAsync(HttpMethod.Get, $"/api/admin/audit?target={_clientId}");
        var actions = (await audit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("federated_credential_created", actions);
        Assert.Contains("federated_credential_deleted", actions);
    }

    [Theory]
    [InlineData("name", """{"name":"x","issuer":"https://issuer.test","subject":"s"}""")]
    [InlineData("issuer", """{"name":"plain-http","issuer":"http://127.0.0.1:8080","subject":"s"}""")]
    [InlineData("issuer", """{"name":"not-a-url","issuer":"issuer.test","subject":"s"}""")]
    [InlineData("subject", """{"name":"no-subject","issuer":"https://issuer.test"}""")]
    [InlineData("audiences", """{"name":"empty-aud","issuer":"https://issuer.test","subject":"s","audiences":[]}""")]
    [InlineData("claims", """{"name":"reserved","issuer":"https://issuer.test","subject":"s","claims":{"sub":"other"}}""")]
    [InlineData("jwks", """{"name":"bad-jwks","issuer":"https://issuer.test","subject":"s","jwks":{"keys":[]}}""")]
    [InlineData("jwks.d", """{"name":"private-jwks","issuer":"https://issuer.test","subject":"s","jwks":{"keys":[{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}]}}""")]
    public async Task Add_InvalidRequest_IsValidationProblem(string member, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", await _host.GetAdminTokenAsync());

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(member, out _));
    }

    [Fact]
    public async Task Add_MoreThanTwenty_IsRefusedAndDuplicateNameIsConflict()
    {
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        var path = $"/api/admin/identities/{clientId}/federated-credentials";
        for (var i = 0; i < FederatedCredentialRules.MaxPerIdentity; i++)
        {
            using var added = await _host.AdminAsync(HttpMethod.Post, path, new { name = $"cred-{i:00}", issuer = GitHub, subject = $"repo:contoso/r{i}:ref:refs/heads/main" });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var twentyFirst = await _host.AdminAsync(HttpMethod.Post, path, new { name = "cred-20", issuer = GitHub, subject = "repo:contoso/r20:ref:refs/heads/main" });
        using var duplicate = await _host.AdminAsync(HttpMethod.Post, path, new { name = "cred-00", issuer = GitHub, subject = "repo:contoso/other:ref:refs/heads/main" });

        Assert.Equal(HttpStatusCode.BadRequest, twentyFirst.StatusCode);
        Assert.Equal("application/problem+json", twentyFirst.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Add_ConcurrentlyBeyondTheLimitOnTwoReplicas_StoresExactlyTwenty()
    {
        await using var replica = await TokenServiceTestHost.StartAsync(servers, _host.Environment, _host.StateDirectory);
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        var path = $"/api/admin/identities/{clientId}/federated-credentials";
        var adminToken = await _host.GetAdminTokenAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = JsonContent.Create(new { name = $"race-{i:00}", issuer = GitHub, subject = $"repo:contoso/r{i}:ref:refs/heads/main" }),
            };
            request.Headers.Authorization = new("Bearer", adminToken);
            using var response = await (i % 2 == 0 ? _host.Client : replica.Client).SendAsync(request);
            return response.StatusCode;
        }));

        using var list = await _host.AdminAsync(HttpMethod.Get, path);
        Assert.Equal(FederatedCredentialRules.MaxPerIdentity, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.Equal(FederatedCredentialRules.MaxPerIdentity, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Add_UnknownIdentity_IsNotFound()
    {
        using var response = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/nobody-here/federated-credentials",
            new { name = "deploy", issuer = GitHub, subject = "repo:contoso/billing:ref:refs/heads/main" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_Twice_SecondIsNotFound()
    {
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        var path = $"/api/admin/identities/{clientId}/federated-credentials";
        using var added = await _host.AdminAsync(HttpMethod.Post, path, new { name = "gone-soon", issuer = GitHub, subject = "repo:contoso/x:ref:refs/heads/main" });
        using var deleted = await _host.AdminAsync(HttpMethod.Delete, path + "/gone-soon");
        using var again = await _host.AdminAsync(HttpMethod.Delete, path + "/gone-soon");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
