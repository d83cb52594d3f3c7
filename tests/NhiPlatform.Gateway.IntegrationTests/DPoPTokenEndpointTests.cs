using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Tokens;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// The token service's side of RFC 9449 through the gateway: proofs and nonces at <c>/connect/token</c>, the
/// <c>requireSenderConstrainedTokens</c> policy, introspection's <c>cnf</c>, discovery, and token exchange of bound tokens.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class DPoPTokenEndpointTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string ExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    private GatewayTestTopology _topology = null!;
    private DPoPTestClient _dpop = null!;
    private readonly DPoPTestKey _key = new();

    public async Task InitializeAsync()
    {
        _topology = await GatewayTestTopology.StartAsync(servers);
        _dpop = new DPoPTestClient(_topology.Client);
    }

    public async Task DisposeAsync()
    {
        await _topology.DisposeAsync();
        _key.Dispose();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _topology.GetAdminTokenAsync());
        return await _topology.Client.SendAsync(request);
    }

    [Fact]
    public async Task Token_ProofWithoutNonce_UseDPoPNonceThenBoundToken()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");

        using var first = await _dpop.RequestTokenAsync(clientId, secret, _key.Proof("POST", DPoPTestClient.TokenEndpoint));
        var nonce = first.Headers.GetValues("DPoP-Nonce").Single();
        using var second = await _dpop.RequestTokenAsync(clientId, secret, _key.Proof("POST", DPoPTestClient.TokenEndpoint, nonce: nonce));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal("use_dpop_nonce", (await JsonAsync(first)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await JsonAsync(second);
        Assert.Equal("DPoP", body.GetProperty("token_type").GetString());
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(_key.Thumbprint, token.GetPayloadValue<JsonElement>("cnf").GetProperty("jkt").GetString());
    }

    [Fact]
    public async Task Token_ProofForAnotherUrlOrReplayed_InvalidDPoPProof()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        using var first = await _dpop.RequestTokenAsync(clientId, secret, _key.Proof("POST", DPoPTestClient.TokenEndpoint));
        var nonce = first.Headers.GetValues("DPoP-Nonce").Single();
        var proof = _key.Proof("POST", DPoPTestClient.TokenEndpoint, nonce: nonce);

        using var otherUrl = await _dpop.RequestTokenAsync(clientId, secret, _key.Proof("POST", GatewayTestTopology.Issuer + "/connect/revoke", nonce: nonce));
        using var accepted = await _dpop.RequestTokenAsync(clientId, secret, proof);
        using var replayed = await _dpop.RequestTokenAsync(clientId, secret, proof);

        Assert.Equal("invalid_dpop_proof", (await JsonAsync(otherUrl)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Equal("invalid_dpop_proof", (await JsonAsync(replayed)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Policy_RequireSenderConstrainedTokens_RefusesBearerUntilTurnedOff()
    {
        using var created = await AdminAsync(HttpMethod.Post, "/api/admin/identities", new
        {
            displayName = "dpop only", owner = "team-test", purpose = "sender-constrained", allowedScopes = new[] { "echo.read" },
            requireSenderConstrainedTokens = true,
        });
        var body = await JsonAsync(created);
        var clientId = body.GetProperty("clientId").GetString()!;
        var secret = body.GetProperty("clientSecret").GetString()!;

        using var bearer = await _dpop.RequestTokenAsync(clientId, secret, proof: null);
        var bound = await _dpop.GetBoundTokenAsync(clientId, secret, _key);
        using var patched = await AdminAsync(HttpMethod.Patch, $"/api/admin/identities/{clientId}", new { requireSenderConstrainedTokens = false });
        using var bearerAfter = await _dpop.RequestTokenAsync(clientId, secret, proof: null);
        using var audit = await AdminAsync(HttpMethod.Get, $"/api/admin/audit?target={clientId}");

        Assert.True(body.GetProperty("identity").GetProperty("requireSenderConstrainedTokens").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bearer.StatusCode);
        var error = await JsonAsync(bearer);
        Assert.Equal("invalid_dpop_proof", error.GetProperty("error").GetString());
        Assert.Contains("sender-constrained", error.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal("DPoP", bound.GetProperty("token_type").GetString());
        Assert.False((await JsonAsync(patched)).GetProperty("requireSenderConstrainedTokens").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, bearerAfter.StatusCode);
        var update = (await JsonAsync(audit)).EnumerateArray().First(e => e.GetProperty("action").GetString() == "updated");
        Assert.True(update.GetProperty("before").GetProperty("requireSenderConstrainedTokens").GetBoolean());
        Assert.False(update.GetProperty("after").GetProperty("requireSenderConstrainedTokens").GetBoolean());
    }

    [Fact]
    public async Task Introspect_BoundToken_ReturnsCnfAndDPoPType()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = (await _dpop.GetBoundTokenAsync(clientId, secret, _key)).GetProperty("access_token").GetString()!;

        using var response = await _dpop.RequestTokenAsync(clientId, secret, proof: null, form: new() { ["token"] = token }, path: "/connect/introspect");

        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal("DPoP", body.GetProperty("token_type").GetString());
        Assert.Equal(_key.Thumbprint, body.GetProperty("cnf").GetProperty("jkt").GetString());
    }

    [Fact]
    public async Task Discovery_AdvertisesDPoPAlgorithms()
    {
        var metadata = await _topology.Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Contains("ES256", metadata.GetProperty("dpop_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Exchange_BoundSubject_NeedsAProofAndStaysBoundToTheActorsKey()
    {
        var (subjectId, subjectSecret) = await _topology.RegisterAsync("echo.read");
        var (actorId, actorSecret) = await _topology.RegisterAsync("echo.read");
        var subject = (await _dpop.GetBoundTokenAsync(subjectId, subjectSecret, _key)).GetProperty("access_token").GetString()!;
        using var actorKey = new DPoPTestKey();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = ExchangeGrant, ["subject_token"] = subject, ["subject_token_type"] = AccessTokenType, ["scope"] = "echo.read",
        };

        using var withoutProof = await _dpop.RequestTokenAsync(actorId, actorSecret, proof: null, form: form);
        using var nonceAnswer = await _dpop.RequestTokenAsync(actorId, actorSecret, actorKey.Proof("POST", DPoPTestClient.TokenEndpoint), form: form);
        var nonce = nonceAnswer.Headers.GetValues("DPoP-Nonce").Single();
        using var withProof = await _dpop.RequestTokenAsync(actorId, actorSecret, actorKey.Proof("POST", DPoPTestClient.TokenEndpoint, nonce: nonce), form: form);

        Assert.Equal("invalid_dpop_proof", (await JsonAsync(withoutProof)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, withProof.StatusCode);
        var body = await JsonAsync(withProof);
        Assert.Equal("DPoP", body.GetProperty("token_type").GetString());
        var exchanged = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(actorKey.Thumbprint, exchanged.GetPayloadValue<JsonElement>("cnf").GetProperty("jkt").GetString());
        Assert.Equal(subjectId, exchanged.Subject);
    }

    [Fact]
    public async Task Exchange_BearerSubjectWithoutProof_StillBearer()
    {
        var (subjectId, subjectSecret) = await _topology.RegisterAsync("echo.read");
        var (actorId, actorSecret) = await _topology.RegisterAsync("echo.read");
        var subject = await _topology.GetTokenAsync(subjectId, subjectSecret, "echo.read");

        using var response = await _dpop.RequestTokenAsync(actorId, actorSecret, proof: null, form: new()
        {
            ["grant_type"] = ExchangeGrant, ["subject_token"] = subject, ["subject_token_type"] = AccessTokenType,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", (await JsonAsync(response)).GetProperty("token_type").GetString());
    }
}
