using System.Net;

namespace NhiPlatform.TokenService.Federation;

/// <summary>
/// Which external issuer URLs we talk to: https only, except http on a loopback address when
/// <see cref="FederationOptions.AllowLoopbackHttpIssuers"/> is on (local runs and tests). The same rule covers the
/// discovery document's <c>jwks_uri</c>, so a discovered document cannot send us to plain http elsewhere.
/// </summary>
internal static class FederatedIssuer
{
    public const int MaxLength = 512;

    public static bool IsAllowed(string? url, bool allowLoopbackHttp)
    {
        if (url is null || url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.Query))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            || (allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));
    }

    /// <summary>Whether the token's <c>iss</c> names an external issuer (a URL) rather than one of our clients (private_key_jwt).</summary>
    public static bool LooksLikeIssuer(string? issuer) =>
        issuer is not null && Uri.TryCreate(issuer, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static string DiscoveryUrl(string issuer) => issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
