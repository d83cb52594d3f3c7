using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Protocol;

/// <summary>Lifetime rules, driven by a <see cref="FakeTimeProvider"/> in the service instead of waiting.</summary>
[Collection(ServersCollection.Name)]
public sealed class ExpiryTests(LocalServersFixture servers) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers,
        configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Introspect_ExpiredToken_IsInactive()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(clientId, secret);

        _time.Advance(TimeSpan.FromMinutes(6));
        using var response = await _host.PostFormAsync("/connect/introspect", clientId, secret, new() { ["token"] = token });

        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task RotationGrace_Elapsed_OnlyNewSecretWorks()
    {
        var (clientId, old) = await _host.RegisterAsync("echo.read");
        using var rotated = await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials/rotate");
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _host.RequestTokenAsync(clientId, old)).StatusCode);
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await _host.RequestTokenAsync(clientId, old)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _host.RequestTokenAsync(clientId, fresh)).StatusCode);
    }

    [Fact]
    public async Task Identity_PastItsExpiry_CannotAuthenticate()
    {
        var created = await _host.CreateAsync(new
        {
            clientId = "expiring", displayName = "e", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" },
            expiresAt = _time.GetUtcNow().AddHours(1),
        });
        var secret = created.GetProperty("clientSecret").GetString()!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _host.RequestTokenAsync("expiring", secret)).StatusCode);

        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await _host.RequestTokenAsync("expiring", secret)).StatusCode);
    }
}
