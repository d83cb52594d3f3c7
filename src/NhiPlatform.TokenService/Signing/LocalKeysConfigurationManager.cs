using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace NhiPlatform.TokenService.Signing;

/// <summary>
/// Lets the token service validate bearer tokens on its own admin API with its in-memory key ring, instead of
/// fetching its own JWKS over HTTP.
/// </summary>
internal sealed class LocalKeysConfigurationManager(SigningKeyRing keyRing) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration();
        foreach (var key in keyRing.Published)
        {
            configuration.SigningKeys.Add(key.PrivateKey);
        }

        return Task.FromResult(configuration);
    }

    public void RequestRefresh()
    {
    }
}
