using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Pnx.Hosting.KeyEncryption;

/// <summary>
/// Encrypts each data-protection key's XML with AES-256-GCM under the <see cref="KeyEncryptionKey"/> before it is
/// stored in <c>DataProtectionKeys</c>: a copy of the database (a backup, a dump) then holds no usable cookie key.
/// Stored as <c>&lt;pnxEncryptedKey keyId="…"&gt;&lt;value&gt;base64(nonce | tag | ciphertext)&lt;/value&gt;&lt;/pnxEncryptedKey&gt;</c>.
/// </summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var cipher = key.Cipher())
        {
            cipher.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), KeyEncryptionKey.AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(AesGcmXmlDecryptor.ElementName,
            new XAttribute("keyId", key.Id),
            new XComment(" Encrypted with AES-256-GCM under PNX_KEY_ENCRYPTION_KEY. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}
