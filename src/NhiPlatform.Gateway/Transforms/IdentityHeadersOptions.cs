namespace NhiPlatform.Gateway.Transforms;

/// <summary>
/// Headers a caller may not send downstream (<c>Nhi:Gateway:IdentityHeaders</c>): besides every <c>X-Nhi-*</c>, the
/// identity headers proxies and frameworks conventionally trust. <see cref="Strip"/> holds the defaults; configured
/// names are added to them (<c>Nhi:Gateway:IdentityHeaders:Strip:0</c> ...). Names match case-insensitively.
/// </summary>
internal sealed class IdentityHeadersOptions
{
    public const string SectionName = "IdentityHeaders";

    public IList<string> Strip { get; } =
    [
        // oauth2-proxy, nginx auth_request, Apache and similar front proxies.
        "X-Forwarded-User", "X-Forwarded-Email", "X-Forwarded-Preferred-Username", "X-Forwarded-Groups", "X-Forwarded-Access-Token",
        "X-Auth-Request-User", "X-Auth-Request-Email", "X-Auth-Request-Preferred-Username", "X-Auth-Request-Groups",
        "X-Auth-Request-Access-Token", "X-Remote-User", "Remote-User", "X-Remote-Group", "X-Remote-Email",
        "X-Authenticated-User", "X-Authenticated-Userid", "X-User", "X-User-Id", "X-User-Email", "X-Email",
        // Client certificates as TLS-terminating proxies forward them.
        "X-Client-Cert", "X-Client-Certificate", "X-SSL-Client-Cert", "X-SSL-Client-DN", "X-SSL-Client-Verify", "Ssl-Client-Cert",
        "X-Forwarded-Client-Cert", "X-ARR-ClientCert", "X-Client-Verify", "X-Client-DN",
        // Cloud front doors and API gateways.
        "X-MS-CLIENT-PRINCIPAL", "X-MS-CLIENT-PRINCIPAL-NAME", "X-MS-CLIENT-PRINCIPAL-ID", "X-MS-CLIENT-PRINCIPAL-IDP", "X-MS-TOKEN-AAD-ACCESS-TOKEN",
        "X-Goog-Authenticated-User-Email", "X-Goog-Authenticated-User-Id", "X-Goog-IAP-JWT-Assertion",
        "X-Amzn-Oidc-Data", "X-Amzn-Oidc-Identity", "X-Amzn-Oidc-Accesstoken", "Cf-Access-Jwt-Assertion", "Cf-Access-Authenticated-User-Email",
        "X-Consumer-Username", "X-Consumer-Id", "X-Consumer-Custom-Id", "X-Credential-Identifier", "X-Apigateway-Api-Userinfo",
    ];
}
