using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Extensions;
using NhiPlatform.TokenService.Signing;

namespace NhiPlatform.Security.Tests.Platform;

/// <summary>
/// The token service's current signing key, opened the way a replica opens it: from the shared key store in
/// PostgreSQL, decrypted with the key ring under the key-encryption key. An insider's view (database and KEK); the
/// token service itself is never asked.
/// </summary>
internal static class SigningKeyReader
{
    public const string KeyEncryptionKeyParameter = "tokens-key-encryption-key";

    public static async Task<SigningKey> ReadCurrentAsync(SecurityPlatform platform)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = await platform.Platform.App.GetConnectionStringAsync(NhiResources.Postgres),
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = await platform.Platform.App.GetConnectionStringAsync(NhiResources.Cache),
            [NhiConfigurationKeys.Issuer] = platform.Issuer,
            [NhiConfigurationKeys.KeyEncryptionKey] = await platform.ParameterAsync(KeyEncryptionKeyParameter),
        });
        builder.AddTokenService();

        // Built, never started: nothing migrates, rotates or listens; the ring only reads the store.
        using var host = builder.Build();
        var ring = host.Services.GetRequiredService<SigningKeyRing>();
        await ring.ReloadAsync(CancellationToken.None);
        return ring.Current;
    }
}
