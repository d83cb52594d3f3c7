using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.Testing.Hosting;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>
/// Found by the fuzz (seed 20261123): a header value with non-ASCII characters on a route the gateway forwards. Kestrel
/// accepts valid UTF-8 (and refuses invalid UTF-8 with a 400); the gateway's forwarding client then refused to write the
/// value again (ASCII only) and the caller got a 502. The values are given as the Latin-1 characters of their bytes.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class NonAsciiHeaderTests(SecurityPlatform platform)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "/connect/revoke", "stra\u00c3\u009fe" },
        { "/connect/token", "caf\u00c3\u00a9" },
        { "/.well-known/jwks.json", "\u00e2\u0082\u00ac" },
        { "/ui/", "\u00c3\u00a9" },
        { "/connect/token", "invalid \u00de. UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ForwardedRoute_HeaderWithBytesAbove0x7F_IsNot5xx(string path, string value)
    {
        using var client = SourceAddressClient.Create(platform.GatewayAddress, IPAddress.Parse("127.0.0.67"), latin1Headers: true);
        using var request = new HttpRequestMessage(path.StartsWith("/connect", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Requested-With", value);

        using var response = await client.SendAsync(request);

        Assert.True((int)response.StatusCode < 500, $"{path} with a non-ASCII header: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task ForwardedToService_Utf8HeaderValue_ArrivesUnchanged()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.EchoRead);
        using var client = SourceAddressClient.Create(platform.GatewayAddress, IPAddress.Parse("127.0.0.67"), latin1Headers: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/svc/echo/security-utf8-header");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        request.Headers.TryAddWithoutValidation("X-Requested-With", "caf\u00c3\u00a9");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("headers");
        Assert.Equal("caf\u00e9", headers.GetProperty("X-Requested-With").GetString());
    }

    /// <summary>
    /// A header Kestrel cannot read is refused from the headers alone (400, <c>Connection: close</c>) without reading
    /// the body. A client that announces its body (<c>Expect: 100-continue</c>) gets that answer and sends nothing more;
    /// the fuzz relies on this to learn the answer to a request whose body write broke.
    /// </summary>
    [Fact]
    public async Task UnreadableHeader_WithLargeBodyAnnounced_IsRefusedBeforeTheBody()
    {
        using var client = SourceAddressClient.Create(platform.GatewayAddress, IPAddress.Parse("127.0.0.67"), latin1Headers: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/identities")
        {
            Content = new ByteArrayContent(new byte[4 * 1024 * 1024]),
        };
        request.Headers.TryAddWithoutValidation("Range", "invalid \u00a4 UTF-8");
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Headers.ConnectionClose, "a request refused from its headers closes its connection");
    }
}
