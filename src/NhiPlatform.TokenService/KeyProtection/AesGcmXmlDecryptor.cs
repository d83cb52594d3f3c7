using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace NhiPlatform.TokenService.KeyProtection;

/// <summary>
/// Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote, with the key-encryption key its <c>kek</c> id names. Data
/// Protection creates it by type name with the service provider (its activator's convention).
/// </summary>
internal sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly KeyEncryptionKeys _keys = services.GetRequiredService<KeyEncryptionKeys>();

    /// <summary>The key-encryption key's id in an encrypted element.</summary>
    public static string KeyIdOf(XElement encryptedElement) =>
        (string?)encryptedElement.Attribute(AesGcmXmlEncryptor.KeyIdAttribute) ?? string.Empty;

    public XElement Decrypt(XElement encryptedElement)
    {
        var id = KeyIdOf(encryptedElement);
        var key = _keys.Find(id) ?? throw new CryptographicException(
            $"The key ring was encrypted with key-encryption key '{id}', which is not configured (current or previous).");
        var input = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[input.Length - AesGcmXmlEncryptor.NonceSize - AesGcmXmlEncryptor.TagSize];
        using (var aes = new AesGcm(key.Key, AesGcmXmlEncryptor.TagSize))
        {
            aes.Decrypt(
                input.AsSpan(0, AesGcmXmlEncryptor.NonceSize),
                input.AsSpan(AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize),
                input.AsSpan(AesGcmXmlEncryptor.NonceSize, AesGcmXmlEncryptor.TagSize),
                plaintext,
                AesGcmXmlEncryptor.AssociatedData);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
