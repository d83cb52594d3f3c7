using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Testing.Attacks;

namespace NhiPlatform.Gateway.IntegrationTests.Attacks;

/// <summary>
/// Every case of the shared <see cref="JwtAttackCorpus"/> against the real gateway: 401 <c>invalid_token</c> (403 <c>insufficient_scope</c>
/// for scope look-alikes) with an RFC 6750 challenge and body, never a 5xx, and the echo service behind it sees nothing.
/// Two positive controls prove the keys and claims the cases bend are otherwise accepted.
/// </summary>
[Collection(AttackCorpusCollection.Name)]
public sealed class JwtAttackCorpusTests(AttackCorpusFixture fixture)
{
    private readonly StubKeysGateway _gateway = fixture.Gateway;

    public static TheoryData<string> Cases => [.. JwtAttackCorpus.Cases.Select(c => c.Name)];

    private async Task<HttpResponseMessage> CallAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await _gateway.Client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Attack_IsRefusedWithRfc6750Error_AndNothingReachesTheService(string name)
    {
        var attack = JwtAttackCorpus.Find(name);
        var path = $"/svc/echo/corpus-{name}";

        using var response = await CallAsync(path, attack.Forge(_gateway.Target));

        Assert.Equal((HttpStatusCode)attack.Status, response.StatusCode);
        var error = attack.Error;
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains($"error=\"{error}\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(0, _gateway.EchoRequests.Count($"/corpus-{name}"));
    }

    [Fact]
    public async Task TokenInQueryString_IsNotAccepted()
    {
        using var response = await _gateway.Client.GetAsync(
            $"/svc/echo/corpus-query?access_token={_gateway.Target.Valid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Bearer", "DPoP"], response.Headers.WwwAuthenticate.Select(c => c.Scheme));
        Assert.Equal(0, _gateway.EchoRequests.Count("/corpus-query"));
    }

    [Fact]
    public async Task Control_ValidRs256_IsForwarded()
    {
        using var response = await CallAsync("/svc/echo/control-rs256", _gateway.Target.Valid());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _gateway.EchoRequests.Count("/control-rs256"));
    }

    [Fact]
    public async Task Control_ValidEs256_IsForwarded()
    {
        using var response = await CallAsync("/svc/echo/control-es256",
            Jwt.Es256(_gateway.Ec, Jwt.Header("ES256", StubKeysGateway.EcKeyId), Jwt.Payload(_gateway.Target)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _gateway.EchoRequests.Count("/control-es256"));
    }
}
