using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace NhiPlatform.Gateway.Authentication;

/// <summary>
/// Fetches the token service's discovery document and keys at start-up (bounded, best effort), so the gateway holds
/// the keys before the first request and keeps validating with them if the token service goes away. Later refreshes
/// (periodic, and throttled on an unknown <c>kid</c>) keep the last good keys when they fail.
/// </summary>
internal sealed class SigningKeysWarmup(IConfigurationManager<OpenIdConnectConfiguration> configurationManager,
    ILogger<SigningKeysWarmup> logger) : IHostedService
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var configuration = await configurationManager.GetConfigurationAsync(timeout.Token);
            AuthenticationLog.KeysLoaded(logger, configuration.SigningKeys.Count);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not fatal: the first request retries; until then tokens are refused (fail closed).
            AuthenticationLog.KeysUnavailable(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
