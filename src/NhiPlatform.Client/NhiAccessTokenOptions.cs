using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Client;

/// <summary>How a workload gets its access tokens. Set a <see cref="ClientSecret"/>, a private key or a <see cref="FederatedTokenFile"/>.</summary>
public sealed class NhiAccessTokenOptions
{
    /// <summary>The platform's base URL (the issuer, i.e. the gateway); the token endpoint is read from its discovery document.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The token endpoint, when discovery is not wanted; takes precedence over <see cref="Authority"/>.</summary>
    public Uri? TokenEndpoint { get; set; }

    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret (<c>client_secret_basic</c>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A private key for <c>private_key_jwt</c> (RFC 7523); its <c>kid</c> must match the registered public key.</summary>
    public SecurityKey? PrivateKey { get; set; }

    /// <summary>A PEM file with the private key for <c>private_key_jwt</c>, read once.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>A certificate with a private key for <c>private_key_jwt</c>.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>
    /// A file holding a token of an external issuer that one of the identity's federated credentials trusts, which the
    /// platform keeps fresh (a Kubernetes projected service-account token, a SPIFFE JWT-SVID). It is read again for every
    /// token request, so a rotated file is picked up without a restart. <see cref="ClientId"/> may then stay empty when
    /// exactly one identity trusts the token's issuer and subject.
    /// </summary>
    public string? FederatedTokenFile { get; set; }

    /// <summary>The key id registered with the platform, used with <see cref="PrivateKeyFile"/> or <see cref="Certificate"/>.</summary>
    public string? KeyId { get; set; }

    /// <summary>Scopes to request, space separated; empty asks for the identity's default scopes.</summary>
    public string? Scope { get; set; }

    /// <summary>The audience (RFC 8707 <c>resource</c>); empty asks for the default.</summary>
    public string? Resource { get; set; }

    /// <summary>A token is renewed this long before it expires (or at 80 % of its life, whichever is earlier).</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Ask for DPoP-bound tokens (RFC 9449) and send each request with a proof: a token copied from a log or a proxy is of
    /// no use without this client's key, which is generated in memory per client and never leaves the process.
    /// </summary>
    public bool UseDPoP { get; set; }

    /// <summary>How many 401 <c>invalid_token</c> answers cause one refresh and retry (idempotent requests only).</summary>
    public bool RetryOnInvalidToken { get; set; } = true;

    internal void Validate()
    {
        if (Authority is null && TokenEndpoint is null)
        {
            throw new InvalidOperationException("NhiAccessTokenOptions: set Authority (the platform's base URL) or TokenEndpoint.");
        }

        if (string.IsNullOrWhiteSpace(ClientId) && FederatedTokenFile is null)
        {
            throw new InvalidOperationException("NhiAccessTokenOptions: ClientId is required.");
        }

        var methods = new[]
        {
            ClientSecret is not null, PrivateKey is not null || PrivateKeyFile is not null || Certificate is not null, FederatedTokenFile is not null,
        };
        if (methods.Count(m => m) != 1)
        {
            throw new InvalidOperationException(
                "NhiAccessTokenOptions: set exactly one credential: ClientSecret, a private key (PrivateKey, PrivateKeyFile or Certificate) or FederatedTokenFile.");
        }
    }
}
