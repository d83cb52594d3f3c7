using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;
using NhiPlatform.TokenService.KeyProtection;

namespace NhiPlatform.TokenService.IntegrationTests.KeyProtection;

/// <summary>
/// Reading the database is not enough to mint tokens: the Data Protection key ring that protects the signing keys is
/// stored encrypted under a key-encryption key that PostgreSQL never holds; the key rotates without losing a key; and
/// the service refuses to start without one outside development.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class KeyRingProtectionTests(LocalServersFixture servers)
{
    private const string KeyA = "key-encryption-key-A-0123456789abcdefghijklmnop";
    private const string KeyB = "key-encryption-key-B-0123456789abcdefghijklmnop";

    [Fact]
    public async Task DatabaseDump_WithoutTheKeyEncryptionKey_CannotUnprotectTheSigningKey()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        await using (var host = await StartAsync(environment, KeyA))
        {
            var admin = await host.ReadBootstrapAsync();
            await host.GetTokenAsync(admin.ClientId, admin.ClientSecret, NhiScopes.Admin);
        }

        var dump = await DumpAsync(environment);

        Assert.NotEmpty(dump.KeyRing);
        Assert.All(dump.KeyRing, xml =>
        {
            Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("encryptedKey", xml, StringComparison.Ordinal);
        });
        // The dump alone: the code, the XML, the protected key, and no key-encryption key.
        Assert.ThrowsAny<CryptographicException>(() => Unprotect(dump, keyEncryptionKey: null));
        Assert.ThrowsAny<CryptographicException>(() => Unprotect(dump, KeyB));
        // With the key-encryption key (an operator who holds both) the same dump opens: the refusal above is the key's doing.
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(Unprotect(dump, KeyA), out _);
    }

    [Fact]
    public async Task Rotation_NewKeyWithThePreviousOne_ReencryptsTheRingAndKeepsTheSigningKey()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        string kid;
        Contracts.LocalRun.BootstrapCredentials admin;
        await using (var host = await StartAsync(environment, KeyA))
        {
            kid = await JwksKidAsync(host);
            admin = await host.ReadBootstrapAsync();
        }

        await using (var rotating = await StartAsync(environment, KeyB, previous: KeyA))
        {
            Assert.Equal(kid, await JwksKidAsync(rotating));
        }

        var dump = await DumpAsync(environment);
        Assert.All(dump.KeyRing, xml => Assert.Contains($"kek=\"{KeyEncryptionKey.FromSecret(KeyB).Id}\"", xml, StringComparison.Ordinal));

        // One start with both keys was enough: the old key can leave the configuration.
        await using var rotated = await StartAsync(environment, KeyB);
        Assert.Equal(kid, await JwksKidAsync(rotated));
        Assert.False(string.IsNullOrEmpty(await rotated.GetTokenAsync(admin.ClientId, admin.ClientSecret, NhiScopes.Admin)));
    }

    [Fact]
    public async Task PlaintextKeyRing_FromBeforeTheKey_IsEncryptedAtTheNextStart()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        string kid;
        Contracts.LocalRun.BootstrapCredentials admin;
        // As an existing deployment left it: development, no key-encryption key, the key ring in plain text.
        var legacy = new Dictionary<string, string?> { ["environment"] = "Development", [NhiConfigurationKeys.KeyEncryptionKey] = string.Empty };
        await using (var host = await TokenServiceTestHost.StartAsync(servers, environment, settings: legacy))
        {
            kid = await JwksKidAsync(host);
            admin = await host.ReadBootstrapAsync();
        }

        Assert.Contains((await DumpAsync(environment)).KeyRing, xml => xml.Contains("requiresEncryption", StringComparison.Ordinal));

        await using var upgraded = await StartAsync(environment, KeyA);

        var dump = await DumpAsync(environment);
        Assert.All(dump.KeyRing, xml => Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal));
        Assert.ThrowsAny<CryptographicException>(() => Unprotect(dump, keyEncryptionKey: null));
        Assert.Equal(kid, await JwksKidAsync(upgraded));
        Assert.False(string.IsNullOrEmpty(await upgraded.GetTokenAsync(admin.ClientId, admin.ClientSecret, NhiScopes.Admin)));
    }

    [Fact]
    public async Task Start_WithoutAKeyEncryptionKeyOutsideDevelopment_Fails()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(null, key: string.Empty));

        Assert.Contains(NhiConfigurationKeys.KeyEncryptionKey, exception.ToString(), StringComparison.Ordinal);
    }

    private Task<TokenServiceTestHost> StartAsync(TestEnvironment? environment, string key, string? previous = null)
    {
        var settings = new Dictionary<string, string?> { [NhiConfigurationKeys.KeyEncryptionKey] = key };
        if (previous is not null)
        {
            settings[NhiConfigurationKeys.PreviousKeyEncryptionKey] = previous;
        }

        return TokenServiceTestHost.StartAsync(servers, environment, settings: settings);
    }

    private static async Task<string> JwksKidAsync(TokenServiceTestHost host) =>
        new Microsoft.IdentityModel.Tokens.JsonWebKeySet(await host.Client.GetStringAsync("/.well-known/jwks.json")).Keys.First().Kid;

    private sealed record Dump(IReadOnlyList<string> KeyRing, byte[] ProtectedSigningKey);

    /// <summary>What a read-only dump of the token service's tables holds: the key ring and the protected signing key.</summary>
    private static async Task<Dump> DumpAsync(TestEnvironment environment)
    {
        await using var connection = new NpgsqlConnection(environment.PostgresConnectionString);
        await connection.OpenAsync();
        var keyRing = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT xml FROM tokens.data_protection_keys", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keyRing.Add(reader.GetString(0));
            }
        }

        await using var signing = new NpgsqlCommand("SELECT protected_private_key FROM tokens.signing_keys ORDER BY created_at LIMIT 1", connection);
        return new Dump(keyRing, Convert.FromBase64String((string)(await signing.ExecuteScalarAsync())!));
    }

    /// <summary>Data Protection as the token service sets it up, over the dumped key ring, with or without a key-encryption key.</summary>
    private static byte[] Unprotect(Dump dump, string? keyEncryptionKey)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<KeyEncryptionOptions>(options => options.Key = keyEncryptionKey);
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddDataProtection().SetApplicationName("NhiPlatform.TokenService").DisableAutomaticKeyGeneration();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DumpedKeyRing(dump.KeyRing)));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("NhiPlatform.TokenService.SigningKeys")
            .Unprotect(dump.ProtectedSigningKey);
    }

    private sealed class DumpedKeyRing(IReadOnlyList<string> xml) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => xml.Select(XElement.Parse).ToList();

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("A dump is read-only.");
    }
}
