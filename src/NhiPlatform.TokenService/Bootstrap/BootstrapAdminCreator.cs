using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>
/// Creates the first admin identity once, and writes its secret to a mode-600 file (never to a log). Replicas
/// starting together race on the insert; only the one that created the identity writes the file.
/// </summary>
internal sealed class BootstrapAdminCreator(
    IdentityRegistrar registrar, IIdentityStore store, IOptions<BootstrapOptions> options, IOptions<TokenServiceOptions> tokenOptions,
    ILogger<BootstrapAdminCreator> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var file = options.Value.CredentialsFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        if (await store.FindAsync(BootstrapOptions.AdminClientId, cancellationToken) is not null)
        {
            if (!File.Exists(file))
            {
                BootstrapLog.CredentialsFileMissing(logger, BootstrapOptions.AdminClientId, file);
            }

            return;
        }

        var registered = await registrar.RegisterAsync(new NewIdentity(
            BootstrapOptions.AdminClientId, "NhiPlatform bootstrap administrator", "platform",
            "First administrator, created on first start to register the other identities.",
            [NhiScopes.Admin, NhiScopes.Read]), actor: "bootstrap", cancellationToken);
        if (registered is null)
        {
            return;
        }

        var credentials = new BootstrapCredentials
        {
            ClientId = registered.Identity.ClientId,
            ClientSecret = registered.ClientSecret,
            TokenEndpoint = tokenOptions.Value.TokenEndpoint.ToString(),
            Scope = string.Join(' ', registered.Identity.AllowedScopes),
        };
        await OwnerOnlyFile.WriteAsync(file, credentials, cancellationToken);
        BootstrapLog.AdminCreated(logger, credentials.ClientId, file);
    }
}
