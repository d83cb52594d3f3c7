using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Testing.Tokens;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// DPoP-bound tokens (RFC 9449) at the gateway, real token service and Redis, two gateway replicas on one Redis: a bound
/// token works with a proof for that request and nothing else.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class DPoPTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string Path = "/svc/echo/hello";
    private const string Url = GatewayTestTopology.Issuer + Path;
    private GatewayTestTopology _topology = null!;
    private ServiceHost<UsageOptions> _replica = null!;
    private HttpClient _replicaClient = null!;
    private DPoPTestClient _dpop = null!;
    private readonly DPoPTestKey _key = new();
    private readonly DPoPTestKey _otherKey = new();
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _topology = await GatewayTestTopology.StartAsync(servers);
        _replica = _topology.StartReplica();
        _replicaClient = _replica.CreateLoopbackClient();
        _dpop = new DPoPTestClient(_topology.Client);
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        _token = (await _dpop.GetBoundTokenAsync(clientId, secret, _key)).GetProperty("access_token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        _replicaClient.Dispose();
        await _replica.DisposeAsync();
        await _topology.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string? proof, string scheme = "DPoP", HttpMethod? method = null)
    {
        using var request = DPoPTestClient.Call(method ?? HttpMethod.Get, Path, scheme, _token, proof);
        return await client.SendAsync(request);
    }

    private static void AssertDPoPError(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("DPoP", challenge.Scheme);
        Assert.Contains($"error=\"{error}\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains("algs=\"ES256", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_IsBoundToTheProofKey()
    {
        var token = new JsonWebToken(_token);

        Assert.Equal(_key.Thumbprint, token.GetPayloadValue<JsonElement>("cnf").GetProperty("jkt").GetString());
    }

    [Fact]
    public async Task Call_WithProof_AllowedAtEitherReplica()
    {
        using var first = await SendAsync(_topology.Client, _key.Proof("GET", Url, _token));
        using var second = await SendAsync(_replicaClient, _key.Proof("GET", Url, _token));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var echo = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("echo.read", echo.GetProperty("identity").GetProperty("scopes").GetString());
    }

    [Fact]
    public async Task Call_WithProofForTheAddressCalled_Allowed()
    {
        var direct = new Uri(_topology.Client.BaseAddress!, Path).ToString();

        using var response = await SendAsync(_topology.Client, _key.Proof("GET", direct, _token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Call_WithoutProof_InvalidDPoPProof()
    {
        using var response = await SendAsync(_topology.Client, proof: null);

        AssertDPoPError(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Call_ProofOfAnotherKey_InvalidDPoPProof()
    {
        using var response = await SendAsync(_topology.Client, _otherKey.Proof("GET", Url, _token));

        AssertDPoPError(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Call_ProofForAnotherUrl_InvalidDPoPProof()
    {
        using var response = await SendAsync(_topology.Client, _key.Proof("GET", GatewayTestTopology.Issuer + "/svc/echo/other", _token));

        AssertDPoPError(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Call_ProofForAnotherMethod_InvalidDPoPProof()
    {
        using var response = await SendAsync(_topology.Client, _key.Proof("POST", Url, _token));

        AssertDPoPError(response, "invalid_dpop_proof");
    }

    [Theory]
    [InlineData(-120)]
    [InlineData(120)]
    public async Task Call_StaleOrFutureIat_InvalidDPoPProof(int seconds)
    {
        using var response = await SendAsync(_topology.Client, _key.Proof("GET", Url, _token, issuedAt: DateTimeOffset.UtcNow.AddSeconds(seconds)));

        AssertDPoPError(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Call_AthOfAnotherToken_InvalidDPoPProof()
    {
        using var response = await SendAsync(_topology.Client, _key.Proof("GET", Url, _token + "x"));

        AssertDPoPError(response, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Call_ProofReplayedAtTheSameReplica_Refused()
    {
        var proof = _key.Proof("GET", Url, _token);

        using var first = await SendAsync(_topology.Client, proof);
        using var replayed = await SendAsync(_topology.Client, proof);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        AssertDPoPError(replayed, "invalid_dpop_proof");
    }

    [Fact]
    public async Task Call_ProofReplayedAtAnotherReplica_Refused()
    {
        var proof = _key.Proof("GET", Url, _token);

        using var first = await SendAsync(_topology.Client, proof);
        using var replayed = await SendAsync(_replicaClient, proof);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        AssertDPoPError(replayed, "invalid_dpop_proof");
        Assert.Contains("already used", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_BoundTokenAsBearer_Refused()
    {
        using var withoutProof = await SendAsync(_topology.Client, proof: null, scheme: "Bearer");
        using var withProof = await SendAsync(_topology.Client, _key.Proof("GET", Url, _token), scheme: "Bearer");

        AssertDPoPError(withoutProof, "invalid_token");
        AssertDPoPError(withProof, "invalid_token");
    }

    [Fact]
    public async Task Call_BearerTokenUnderDPoPScheme_Refused()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var bearer = await _topology.GetTokenAsync(clientId, secret, "echo.read");
        using var request = DPoPTestClient.Call(HttpMethod.Get, Path, "DPoP", bearer, _key.Proof("GET", Url, bearer));

        using var response = await _topology.Client.SendAsync(request);

        AssertDPoPError(response, "invalid_token");
    }

    [Fact]
    public async Task Call_BrokenTokenUnderDPoPScheme_InvalidTokenInTheDPoPScheme()
    {
        var broken = _token[..^2] + (_token[^2] == 'A' ? "Bx" : "Ax");
        using var request = DPoPTestClient.Call(HttpMethod.Get, Path, "DPoP", broken, _key.Proof("GET", Url, broken));

        using var response = await _topology.Client.SendAsync(request);

        AssertDPoPError(response, "invalid_token");
    }

    [Fact]
    public async Task Call_NoToken_OffersBearerAndDPoPChallenges()
    {
        using var response = await _topology.Client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Bearer", "DPoP"], response.Headers.WwwAuthenticate.Select(c => c.Scheme));
    }

    [Fact]
    public async Task Call_NonceRequired_UseDPoPNonceThenAcceptedAtEveryReplica()
    {
        await using var first = _topology.StartReplica(settings => settings["Nhi:Gateway:DPoP:RequireNonce"] = "true");
        await using var second = _topology.StartReplica(settings => settings["Nhi:Gateway:DPoP:RequireNonce"] = "true");
        using var firstClient = first.CreateLoopbackClient();
        using var secondClient = second.CreateLoopbackClient();

        using var withoutNonce = await SendAsync(firstClient, _key.Proof("GET", Url, _token));
        var nonce = withoutNonce.Headers.GetValues("DPoP-Nonce").Single();
        using var atFirst = await SendAsync(firstClient, _key.Proof("GET", Url, _token, nonce: nonce));
        using var atSecond = await SendAsync(secondClient, _key.Proof("GET", Url, _token, nonce: nonce));
        using var forged = await SendAsync(secondClient, _key.Proof("GET", Url, _token, nonce: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        AssertDPoPError(withoutNonce, "use_dpop_nonce");
        Assert.Equal(HttpStatusCode.OK, atFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atSecond.StatusCode);
        AssertDPoPError(forged, "use_dpop_nonce");
    }
}
