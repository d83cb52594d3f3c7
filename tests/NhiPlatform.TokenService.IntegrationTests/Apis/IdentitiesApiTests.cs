using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class IdentitiesApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await _host.GetAdminTokenAsync());
        return await _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Create_Valid_Returns201WithSecretOnceAndLocation()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/admin/identities", new
        {
            clientId = "orders-api",
            displayName = "Orders API",
            owner = "team-orders",
            purpose = "Charges customers through billing",
            allowedScopes = new[] { "billing.charge" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/admin/identities/orders-api", response.Headers.Location?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("orders-api", body.GetProperty("clientId").GetString());
        Assert.StartsWith("nhi_sk_", body.GetProperty("clientSecret").GetString(), StringComparison.Ordinal);
        Assert.Equal("team-orders", body.GetProperty("identity").GetProperty("owner").GetString());
        Assert.Equal("nhi-admin", body.GetProperty("identity").GetProperty("createdBy").GetString());

        using var read = await SendAsync(HttpMethod.Get, "/api/admin/identities/orders-api");
        var text = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("\"purpose\":\"Charges customers through billing\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("nhi_sk_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SecretIsStoredOnlyAsDigest()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        await using var connection = new NpgsqlConnection(_host.Environment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT digest FROM tokens.client_secrets WHERE client_id = $1", connection)
        {
            Parameters = { new() { Value = clientId } },
        };
        var digest = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.Equal(32, digest.Length);
        Assert.NotEqual(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)), digest);
        await using var dump = new NpgsqlCommand("SELECT count(*) FROM tokens.client_secrets t WHERE t::text LIKE '%' || $1 || '%'", connection)
        {
            Parameters = { new() { Value = secret[7..30] } },
        };
        Assert.Equal(0L, await dump.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Create_DuplicateClientId_Is409()
    {
        var body = new { clientId = "dup-client", displayName = "d", owner = "o", purpose = "p", allowedScopes = Array.Empty<string>() };
        using var first = await SendAsync(HttpMethod.Post, "/api/admin/identities", body);
        using var second = await SendAsync(HttpMethod.Post, "/api/admin/identities", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_MissingOwner_IsValidationProblem()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/admin/identities",
            new { displayName = "x", purpose = "p", allowedScopes = new[] { "bad scope" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("owner", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("allowedScopes", out _));
    }

    [Fact]
    public async Task Create_MalformedJson_Is400NotServerError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = new StringContent("{\"displayName\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _host.GetAdminTokenAsync());

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_ValueOfTheWrongType_Is400ProblemNamingWhere()
    {
        // tags is an object of name/value pairs; an array is the mistake a caller makes.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = new StringContent("""{"displayName":"x","owner":"team","purpose":"p","allowedScopes":["echo.read"],"tags":["env=prod"]}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _host.GetAdminTokenAsync());

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("$.tags", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("env=prod", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_WithoutToken_Is401()
    {
        using var response = await _host.Client.GetAsync("/api/admin/identities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Admin_TokenWithoutAdminScope_Is403InsufficientScope()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(clientId, secret);

        using var response = await SendAsync(HttpMethod.Get, "/api/admin/identities", token: token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ContainsRegisteredIdentities()
    {
        var (clientId, _) = await _host.RegisterAsync("echo.read");

        using var response = await SendAsync(HttpMethod.Get, "/api/admin/identities");

        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ids = list.EnumerateArray().Select(i => i.GetProperty("clientId").GetString()).ToList();
        Assert.Contains(clientId, ids);
        Assert.Contains("nhi-admin", ids);
    }

    [Fact]
    public async Task Get_Unknown_Is404Problem()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/admin/identities/nobody-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("status=archived", "status")]
    [InlineData("tag=no-value-separator", "tag")]
    [InlineData("owner=a&owner=b", "owner")]
    [InlineData("ownr=team-x", "ownr")]
    public async Task List_UnreadableParameter_IsValidationProblemNamingIt(string query, string parameter)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/admin/identities?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(parameter, out _), body);
    }
}
