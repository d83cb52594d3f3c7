using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Federation;
using static NhiPlatform.TokenService.IntegrationTests.Federation.FederationTestClient;
using F = NhiPlatform.TokenService.Federation.FederatedAssertionFailures;

namespace NhiPlatform.TokenService.IntegrationTests.Federation;

/// <summary>An issuer's JWKS is fetched once, again on an unknown kid (a rotation), but not more often than the refresh interval.</summary>
[Collection(ServersCollection.Name)]
public sealed class IssuerKeyCacheTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string Subject = "system:serviceaccount:ci:builder";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TokenServiceTestHost _host = null!;
    private ExternalIssuer _issuer = null!;
    private string _clientId = null!;

    public async Task InitializeAsync()
    {
        _issuer = await ExternalIssuer.StartAsync();
        _host = await TokenServiceTestHost.StartAsync(servers, settings: new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.FederationAllowLoopbackHttpIssuers] = "true",
            [NhiConfigurationKeys.FederationSection + ":KeysRefreshInterval"] = "00:00:30",
        }, configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
        (_clientId, _) = await _host.RegisterAsync("echo.read");
        await AddCredentialAsync(_host, _clientId, new { name = "ci-builder", issuer = _issuer.Issuer, subject = Subject });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private string Token() => _issuer.Mint(Subject, TokenEndpoint, issuedAt: _time.GetUtcNow());

    [Fact]
    public async Task Keys_CachedThenRefreshedOnRotationAtMostOncePerInterval()
    {
        using (var first = await RequestTokenAsync(_host.Client, Token(), _clientId))
        using (var second = await RequestTokenAsync(_host.Client, Token(), _clientId))
        {
            await TokenAsync(first);
            await TokenAsync(second);
        }

        Assert.Equal(1, _issuer.JwksRequests);

        // The issuer rotates: a token with the new kid within the interval is refused without a fetch...
        _issuer.RotateKey();
        var rotated = Token();
        using (var early = await RequestTokenAsync(_host.Client, rotated, _clientId))
        {
            await AssertRefusedAsync(early, rotated, F.BadSignature);
        }

        Assert.Equal(1, _issuer.JwksRequests);

        // ...and after it, the unknown kid refreshes the keys once.
        _time.Advance(TimeSpan.FromSeconds(31));
        using (var refreshed = await RequestTokenAsync(_host.Client, Token(), _clientId))
        {
            await TokenAsync(refreshed);
        }

        Assert.Equal(2, _issuer.JwksRequests);

        // Made-up kids right after a refresh cause no fetch at all.
        foreach (var _ in Enumerable.Range(0, 5))
        {
            using var forged = await RequestTokenAsync(_host.Client, _issuer.ForeignKeyToken(Subject, TokenEndpoint, keyId: Guid.NewGuid().ToString("N")), _clientId);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        Assert.Equal(2, _issuer.JwksRequests);
    }
}
