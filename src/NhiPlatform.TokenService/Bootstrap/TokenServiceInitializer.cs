using System.Security.Cryptography;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.KeyProtection;
using NhiPlatform.TokenService.Signing;

namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>
/// Runs once at start-up, after the schema migration and before the server listens: loads the secret digest key and
/// the signing keys shared by all replicas, then makes sure the bootstrap admin exists.
/// </summary>
internal sealed class TokenServiceInitializer(
    IServerSecretStore serverSecrets, ClientSecretHasher hasher, SigningKeyRing keyRing, BootstrapAdminCreator bootstrap,
    KeyRingReencryption reencryption, KeyEncryptionKeys keyEncryptionKeys, ILogger<TokenServiceInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before Data Protection reads its key ring: every stored key under the current key-encryption key.
        if (keyEncryptionKeys.Current is null)
        {
            KeyProtectionLog.KeyRingUnencrypted(logger);
        }

        reencryption.Run();
        hasher.Initialize(await serverSecrets.GetOrCreateAsync(
            ClientSecretHasher.KeyName, () => RandomNumberGenerator.GetBytes(32), cancellationToken));
        await keyRing.LoadAsync(cancellationToken);
        BootstrapLog.SigningKeysLoaded(logger, keyRing.Published.Count, keyRing.Current.Stored.KeyId);
        await bootstrap.EnsureAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
