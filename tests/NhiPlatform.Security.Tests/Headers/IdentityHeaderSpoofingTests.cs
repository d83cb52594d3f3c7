using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Headers;

/// <summary>
/// The gateway forwards only the identity it verified: identity headers that proxies and frameworks conventionally trust
/// (forwarded user and e-mail, remote user, auth-request, client certificate, cloud principals) never reach a service
/// from a caller, whatever their case.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class IdentityHeaderSpoofingTests(SecurityPlatform platform)
{
    public static TheoryData<string> SpoofedHeaders =>
    [
        "X-Forwarded-User", "x-forwarded-email", "X-Forwarded-Preferred-Username", "X-Forwarded-Groups", "X-Forwarded-Access-Token",
        "X-Auth-Request-User", "X-Auth-Request-Email", "X-Auth-Request-Access-Token", "X-Remote-User", "Remote-User", "X-Remote-Group",
        "X-Authenticated-User", "X-User", "X-Client-Cert", "X-SSL-Client-Cert", "X-Forwarded-Client-Cert", "X-ARR-ClientCert",
        "Ssl-Client-Cert", "X-MS-CLIENT-PRINCIPAL", "X-MS-CLIENT-PRINCIPAL-NAME", "X-Goog-Authenticated-User-Email",
        "X-Amzn-Oidc-Identity", "X-Amzn-Oidc-Data", "Cf-Access-Jwt-Assertion", "X-Consumer-Username",
    ];

    [Theory]
    [MemberData(nameof(SpoofedHeaders))]
    public async Task Gateway_CallerSentIdentityHeader_NeverReachesTheService(string header)
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.EchoRead);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/svc/echo/security-spoofed-header");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.TryAddWithoutValidation(header, "admin@example.com");

        using var response = await platform.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("headers");
        Assert.DoesNotContain(headers.EnumerateObject(), forwarded => forwarded.Name.Equals(header, StringComparison.OrdinalIgnoreCase));
    }
}
