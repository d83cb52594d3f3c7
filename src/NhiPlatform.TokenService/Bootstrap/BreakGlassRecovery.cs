using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>
/// Host-only recovery when no administrator can sign in: creates the admin identity, or makes it an active, lasting
/// administrator again, and gives it a new secret (older secrets end now), written to a mode-600 file and never printed.
/// Every step is an ordinary admin action with actor <c>break-glass</c>, so the audit log and the identity-change stream
/// record it.
/// </summary>
internal sealed class BreakGlassRecovery(
    IIdentityStore store, IdentityRegistrar registrar, IdentityLifecycle lifecycle, CredentialManager credentials,
    IServerSecretStore serverSecrets, ClientSecretHasher hasher, IOptions<TokenServiceOptions> tokenOptions, ILogger<BreakGlassRecovery> logger)
{
    public const string Actor = "break-glass";
    public const string Reason = "Break-glass recovery from the token service's host";

    /// <summary>Null when recovered; otherwise why not (the file is then not written).</summary>
    public async Task<string?> RecoverAsync(string clientId, string credentialsFile, CancellationToken cancellationToken)
    {
        hasher.Initialize(await serverSecrets.GetOrCreateAsync(ClientSecretHasher.KeyName, () => RandomNumberGenerator.GetBytes(32), cancellationToken));
        var (secret, failure) = await store.FindAsync(clientId, cancellationToken) switch
        {
            null => await CreateAsync(clientId, cancellationToken),
            { Status: IdentityStatus.Deleted } => (null, $"'{clientId}' is deleted and cannot return; give another --client-id."),
            _ => await RestoreAsync(clientId, cancellationToken),
        };
        if (secret is null)
        {
            BootstrapLog.BreakGlassRefused(logger, clientId, failure!);
            return failure;
        }

        await OwnerOnlyFile.WriteAsync(credentialsFile, new BootstrapCredentials
        {
            ClientId = clientId,
            ClientSecret = secret,
            TokenEndpoint = tokenOptions.Value.TokenEndpoint.ToString(),
            Scope = $"{NhiScopes.Admin} {NhiScopes.Read}",
        }, cancellationToken);
        BootstrapLog.BreakGlassRestored(logger, clientId, credentialsFile);
        return null;
    }

    private async Task<(string? Secret, string? Failure)> CreateAsync(string clientId, CancellationToken cancellationToken)
    {
        var registered = await registrar.RegisterAsync(new NewIdentity(
            clientId, "NhiPlatform break-glass administrator", "platform", Reason, [NhiScopes.Admin, NhiScopes.Read]), Actor, cancellationToken);
        return registered is null ? (null, $"'{clientId}' was created by someone else meanwhile; run again.") : (registered.ClientSecret, null);
    }

    private async Task<(string? Secret, string? Failure)> RestoreAsync(string clientId, CancellationToken cancellationToken)
    {
        var restored = await lifecycle.RestoreAdministrationAsync(clientId, Actor, Reason, cancellationToken);
        if (restored.Kind != IdentityOutcomeKind.Ok)
        {
            return (null, restored.Detail ?? restored.Kind.ToString());
        }

        // Grace zero: whoever holds an older secret of this identity loses it now.
        var rotated = await credentials.RotateAsync(clientId, Actor, TimeSpan.Zero, cancellationToken);
        return rotated.NewSecret is null ? (null, rotated.Detail ?? rotated.Kind.ToString()) : (rotated.NewSecret, null);
    }
}
