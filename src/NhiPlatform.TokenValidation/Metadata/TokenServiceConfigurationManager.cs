using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace NhiPlatform.TokenValidation.Metadata;

/// <summary>
/// The token service's discovery document and keys, cached. Refreshed every few minutes and, when a token names an
/// unknown <c>kid</c>, at most once per <see cref="RefreshInterval"/>; a failed refresh keeps the last good keys,
/// so valid tokens keep working while the token service is down.
/// </summary>
internal static class TokenServiceConfigurationManager
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The shortest the library allows: a token with a made-up <c>kid</c> then costs one key fetch a second at most,
    /// and cannot delay the pick-up of a genuinely new key by more than that.
    /// </summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    public static ConfigurationManager<OpenIdConnectConfiguration> Create(IDocumentRetriever retriever) =>
        new(DiscoveryPath, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = RefreshInterval,
        };
}
