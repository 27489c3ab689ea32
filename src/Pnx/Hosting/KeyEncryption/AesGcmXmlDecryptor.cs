using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Pnx.Hosting.KeyEncryption;

/// <summary>
/// Decrypts what <see cref="AesGcmXmlEncryptor"/> stored. Data protection creates it by its type name with the
/// application's services, from which it takes the configured <see cref="KeyEncryptionKey"/>.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    internal const string ElementName = "pnxEncryptedKey";

    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new CryptographicException($"The data-protection keys are encrypted, but {KeyEncryptionKey.Variable} is not set.");
        var storedId = (string?)encryptedElement.Attribute("keyId");
        if (storedId != key.Id)
            throw new CryptographicException($"The data-protection keys were encrypted with key {storedId}; {KeyEncryptionKey.Variable} holds key {key.Id}.");

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (sealedBytes.Length < AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize)
            throw new CryptographicException("An encrypted data-protection key is truncated.");

        var plaintext = new byte[sealedBytes.Length - AesGcmXmlEncryptor.NonceSize - AesGcmXmlEncryptor.TagSize];
        using (var cipher = key.Cipher())
        {
            cipher.Decrypt(
                sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceSize),
                sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize),
                sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize, AesGcmXmlEncryptor.TagSize),
                plaintext,
                KeyEncryptionKey.AssociatedData);
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
