using System.Text.Json;
using Microsoft.Extensions.Options;

namespace NhiPlatform.TokenService.Federation;

/// <summary>
/// Fetches an external issuer's keys the OIDC way (Discovery 1.0 §4): the discovery document, whose <c>issuer</c> must
/// be the issuer asked for (§4.3), then its <c>jwks_uri</c>. Bounded in size and time; no redirects are followed.
/// </summary>
internal sealed class IssuerMetadataClient(IHttpClientFactory httpClientFactory, IOptions<FederationOptions> options)
{
    public const string HttpClientName = "federation";

    /// <summary>Larger than any real discovery document or JWKS.</summary>
    public const int MaxResponseBytes = 256 * 1024;

    public async Task<IssuerSigningKeys> FetchKeysAsync(string issuer, CancellationToken cancellationToken)
    {
        var allowLoopback = options.Value.AllowLoopbackHttpIssuers;
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var discovery = JsonDocument.Parse(await client.GetStringAsync(FederatedIssuer.DiscoveryUrl(issuer), cancellationToken));
            var root = discovery.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("issuer", out var declared) || declared.ValueKind != JsonValueKind.String
                || declared.GetString() != issuer)
            {
                return IssuerSigningKeys.Unavailable("discovery document names another issuer");
            }

            if (!root.TryGetProperty("jwks_uri", out var jwksUri) || jwksUri.ValueKind != JsonValueKind.String
                || !FederatedIssuer.IsAllowed(jwksUri.GetString(), allowLoopback))
            {
                return IssuerSigningKeys.Unavailable("discovery document has no acceptable jwks_uri");
            }

            var keys = JwksReader.Read(await client.GetStringAsync(jwksUri.GetString(), cancellationToken));
            return keys is null ? IssuerSigningKeys.Unavailable("jwks_uri did not return a JWKS") : new IssuerSigningKeys(keys, null);
        }
        // Any failure to reach or read the issuer (HTTP, JSON, timeouts, an open circuit) is an unavailable issuer, not a 500.
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return IssuerSigningKeys.Unavailable($"issuer metadata unavailable ({exception.GetType().Name})");
        }
    }
}
