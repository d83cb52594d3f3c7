using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Federation;
using NhiPlatform.TokenService.Federation;
using static NhiPlatform.TokenService.IntegrationTests.Federation.FederationTestClient;
using F = NhiPlatform.TokenService.Federation.FederatedAssertionFailures;

namespace NhiPlatform.TokenService.IntegrationTests.Federation;

/// <summary>
/// Client authentication with tokens of a real external issuer on loopback (discovery and JWKS over HTTP): Kubernetes,
/// GitHub Actions and SPIFFE shapes accepted; every wrong token refused with invalid_client and a description.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FederatedClientAuthenticationTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string Subject = "system:serviceaccount:payments:billing-worker";
    private TokenServiceTestHost _host = null!;
    private ExternalIssuer _issuer = null!;
    private string _clientId = null!;

    public async Task InitializeAsync()
    {
        _issuer = await ExternalIssuer.StartAsync();
        _host = await TokenServiceTestHost.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.FederationAllowLoopbackHttpIssuers] = "true",
        });
        (_clientId, _) = await _host.RegisterAsync("echo.read");
        await AddCredentialAsync(_host, _clientId, new { name = "k8s-billing", issuer = _issuer.Issuer, subject = Subject });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Token_KubernetesServiceAccountToken_IssuesTokenRecordingFederation()
    {
        using var response = await RequestTokenAsync(_host.Client, _issuer.KubernetesToken("payments", "billing-worker", TokenEndpoint), _clientId);

        var token = await TokenAsync(response);
        var claims = Claims(token.GetProperty("access_token").GetString()!);
        Assert.Equal(_clientId, claims.GetProperty("sub").GetString());
        Assert.Equal(NhiAuthenticationMethods.Federated, claims.GetProperty(NhiClaims.AuthenticationMethod).GetString());
        Assert.True(Guid.TryParse(claims.GetProperty(NhiClaims.CredentialId).GetString(), out _));
    }

    [Fact]
    public async Task Token_GitHubActionsTokenWithClaims_IssuesTokenOnlyWhenClaimsMatch()
    {
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        await AddCredentialAsync(_host, clientId, new
        {
            name = "deploy-prod",
            issuer = _issuer.Issuer,
            subject = "repo:contoso/billing:environment:prod",
            audiences = new[] { "api://nhi" },
            claims = new Dictionary<string, string> { ["repository_owner"] = "contoso", ["environment"] = "prod" },
        });
        var good = _issuer.GitHubActionsToken("contoso", "billing", "prod", "api://nhi");
        var otherOwner = _issuer.Mint("repo:contoso/billing:environment:prod", "api://nhi",
            new Dictionary<string, object> { ["repository_owner"] = "fabrikam", ["environment"] = "prod" });

        using var accepted = await RequestTokenAsync(_host.Client, good, clientId);
        using var refused = await RequestTokenAsync(_host.Client, otherOwner, clientId);

        await TokenAsync(accepted);
        await AssertRefusedAsync(refused, otherOwner, F.ClaimsMismatch);
    }

    [Fact]
    public async Task Token_SpiffeJwtSvidWithoutClientId_FindsTheOneIdentity()
    {
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        var spiffeId = $"spiffe://example.org/ns/prod/sa/{clientId}";
        await AddCredentialAsync(_host, clientId, new { name = "svid", issuer = _issuer.Issuer, subject = spiffeId });

        using var response = await RequestTokenAsync(_host.Client, _issuer.SpiffeSvid(spiffeId, TokenServiceTestHost.Issuer));

        var claims = Claims((await TokenAsync(response)).GetProperty("access_token").GetString()!);
        Assert.Equal(clientId, claims.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Token_WithoutClientIdWhenTwoIdentitiesTrustTheSubject_IsRefused()
    {
        const string shared = "system:serviceaccount:shared:runner";
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (clientId, _) = await _host.RegisterAsync("echo.read");
            await AddCredentialAsync(_host, clientId, new { name = "shared-runner", issuer = _issuer.Issuer, subject = shared });
        }

        var assertion = _issuer.KubernetesToken("shared", "runner", TokenEndpoint);
        using var response = await RequestTokenAsync(_host.Client, assertion);

        await AssertRefusedAsync(response, assertion, F.AmbiguousIdentity);
    }

    [Fact]
    public async Task Token_SameFederatedTokenTwice_IsAcceptedBothTimes()
    {
        // The platform mints it and the workload reuses it until it expires (see FederatedAssertionValidator).
        var assertion = _issuer.KubernetesToken("payments", "billing-worker", TokenEndpoint);

        using var first = await RequestTokenAsync(_host.Client, assertion, _clientId);
        using var second = await RequestTokenAsync(_host.Client, assertion, _clientId);

        await TokenAsync(first);
        await TokenAsync(second);
    }

    [Fact]
    public async Task Token_WrongAssertions_AreInvalidClientWithDescriptions()
    {
        await using var untrusted = await ExternalIssuer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var cases = new (string Assertion, string Description)[]
        {
            (_issuer.KubernetesToken("payments", "other-worker", TokenEndpoint), F.SubjectMismatch),
            (_issuer.KubernetesToken("payments", "billing-worker", "https://someone-else.test"), F.AudienceMismatch),
            (_issuer.Mint(Subject, TokenEndpoint, issuedAt: now.AddMinutes(-30), lifetime: TimeSpan.FromMinutes(10)), F.Expired),
            (_issuer.Mint(Subject, TokenEndpoint, issuedAt: now.AddMinutes(10)), F.NotYetValid),
            (_issuer.Mint(Subject, TokenEndpoint, notBefore: now.AddMinutes(10)), F.NotYetValid),
            (_issuer.Mint(Subject, TokenEndpoint, issuedAt: now.AddHours(-30), lifetime: TimeSpan.FromHours(31)), F.TooOld),
            (_issuer.Mint(Subject, TokenEndpoint, lifetime: TimeSpan.FromDays(3)), F.LifetimeTooLong),
            (_issuer.Unsigned(Subject, TokenEndpoint), F.Unsigned),
            (_issuer.ForeignKeyToken(Subject, TokenEndpoint), F.BadSignature),
            (untrusted.KubernetesToken("payments", "billing-worker", TokenEndpoint), F.UntrustedIssuer),
        };

        foreach (var (assertion, description) in cases)
        {
            using var response = await RequestTokenAsync(_host.Client, assertion, _clientId);
            await AssertRefusedAsync(response, assertion, description);
        }
    }

    [Fact]
    public async Task Token_UntrustedIssuerWithoutClientId_IsRefused()
    {
        await using var untrusted = await ExternalIssuer.StartAsync();
        var assertion = untrusted.KubernetesToken("payments", "billing-worker", TokenEndpoint);

        using var response = await RequestTokenAsync(_host.Client, assertion);

        await AssertRefusedAsync(response, assertion, F.NoIdentity);
        Assert.Equal(0, untrusted.JwksRequests);
    }

    [Fact]
    public async Task Token_PinnedJwksWithoutDiscovery_IssuesToken()
    {
        await using var privateCluster = await ExternalIssuer.StartAsync(discovery: false);
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        await AddCredentialAsync(_host, clientId, new
        {
            name = "private-cluster",
            issuer = privateCluster.Issuer,
            subject = "system:serviceaccount:jobs:nightly",
            jwks = JsonDocument.Parse(privateCluster.JwksJson).RootElement,
        });

        using var response = await RequestTokenAsync(_host.Client, privateCluster.KubernetesToken("jobs", "nightly", TokenEndpoint), clientId);

        await TokenAsync(response);
    }

    [Fact]
    public async Task Token_DisabledIdentity_IsRefused()
    {
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        await AddCredentialAsync(_host, clientId, new { name = "to-disable", issuer = _issuer.Issuer, subject = "system:serviceaccount:x:y" });
        using var disabled = await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable", new { reason = "test" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var assertion = _issuer.KubernetesToken("x", "y", TokenEndpoint);

        using var response = await RequestTokenAsync(_host.Client, assertion, clientId);

        await AssertRefusedAsync(response, assertion, F.ClientCannotAuthenticate);
    }

    [Fact]
    public async Task Token_NotAJwt_IsInvalidClient()
    {
        using var response = await RequestTokenAsync(_host.Client, "not-a-jwt", _clientId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
