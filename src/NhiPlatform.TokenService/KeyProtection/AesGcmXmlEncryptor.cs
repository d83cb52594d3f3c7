using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace NhiPlatform.TokenService.KeyProtection;

/// <summary>
/// Encrypts the secret parts of Data Protection keys (AES-256-GCM under the current key-encryption key) before they
/// reach PostgreSQL: <c>&lt;encryptedKey kek="id"&gt;base64(nonce | tag | ciphertext)&lt;/encryptedKey&gt;</c>.
/// </summary>
internal sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public static readonly XName ElementName = XName.Get("encryptedKey", "urn:nhi:key-encryption:v1");
    public const string KeyIdAttribute = "kek";
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>Binds every ciphertext to this use, so it cannot be replayed as another kind of secret.</summary>
    public static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("NhiPlatform.TokenService.KeyRing.v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName, new XAttribute(KeyIdAttribute, key.Id), Convert.ToBase64String(output));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}
