using System.Xml.Linq;
using NhiPlatform.TokenService.Infrastructure.Postgres;

namespace NhiPlatform.TokenService.KeyProtection;

/// <summary>
/// At start-up, brings every stored key under the current key-encryption key: keys written in plain text (before a
/// key-encryption key was configured) and keys encrypted under a previous one (a rotation) are re-encrypted, so the
/// old key can be dropped from configuration once one start has run.
/// </summary>
internal sealed class KeyRingReencryption(PostgresXmlRepository repository, KeyEncryptionKeys keys, IServiceProvider services, ILogger<KeyRingReencryption> logger)
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private const string DecryptorTypeAttribute = "decryptorType";

    public void Run()
    {
        if (keys.Current is not { } current)
        {
            return;
        }

        var encryptor = new AesGcmXmlEncryptor(current);
        var decryptor = new AesGcmXmlDecryptor(services);
        var changed = 0;
        foreach (var (name, stored) in repository.GetAllNamedElements())
        {
            var element = new XElement(stored);
            var plain = element.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            var stale = element.Descendants(EncryptedSecret)
                .Where(e => ((string?)e.Attribute(DecryptorTypeAttribute))?.StartsWith(typeof(AesGcmXmlDecryptor).FullName!, StringComparison.Ordinal) == true)
                .Where(e => AesGcmXmlDecryptor.KeyIdOf(e.Elements().Single()) != current.Id)
                .ToList();
            foreach (var secret in plain)
            {
                secret.ReplaceWith(Wrap(encryptor.Encrypt(secret)));
            }

            foreach (var secret in stale)
            {
                secret.ReplaceWith(Wrap(encryptor.Encrypt(decryptor.Decrypt(secret.Elements().Single()))));
            }

            if ((plain.Count > 0 || stale.Count > 0) && repository.ReplaceElement(name, stored, element))
            {
                changed++;
            }
        }

        if (changed > 0)
        {
            KeyProtectionLog.KeyRingReencrypted(logger, changed, current.Id);
        }
    }

    /// <summary>Data Protection's own wrapper for an encrypted secret, so its key manager decrypts it as usual.</summary>
    private static XElement Wrap(Microsoft.AspNetCore.DataProtection.XmlEncryption.EncryptedXmlInfo info) =>
        new(EncryptedSecret, new XAttribute(DecryptorTypeAttribute, info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement);
}
