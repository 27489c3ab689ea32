using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Hosting;
using Pnx.Hosting.KeyEncryption;
using Pnx.Tests.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Security;

/// <summary>Data-protection keys (cookies, antiforgery) encrypted at rest with PNX_KEY_ENCRYPTION_KEY.</summary>
public sealed class KeyEncryptionTests
{
    private static KeyEncryptionKey NewKey() => new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void AKeyEncryptedWithTheSettingDecryptsBackAndHidesItsSecret()
    {
        var key = NewKey();
        var plain = new XElement("descriptor", new XElement("masterKey", new XElement("value", "c2VjcmV0LW1hc3Rlci1rZXk=")));

        var encrypted = new AesGcmXmlEncryptor(key).Encrypt(plain);

        Assert.Equal(typeof(AesGcmXmlDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("c2VjcmV0LW1hc3Rlci1rZXk=", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);
        var decrypted = new AesGcmXmlDecryptor(Services(key)).Decrypt(encrypted.EncryptedElement);
        Assert.True(XNode.DeepEquals(plain, decrypted));
    }

    [Fact]
    public void AnotherKeyOrAnAlteredCiphertextDoesNotDecrypt()
    {
        var key = NewKey();
        var encrypted = new AesGcmXmlEncryptor(key).Encrypt(new XElement("descriptor", "secret")).EncryptedElement;

        Assert.Throws<CryptographicException>(() => new AesGcmXmlDecryptor(Services(NewKey())).Decrypt(encrypted));

        var value = encrypted.Element("value")!;
        var bytes = Convert.FromBase64String(value.Value);
        bytes[^1] ^= 1;
        value.Value = Convert.ToBase64String(bytes);
        Assert.ThrowsAny<CryptographicException>(() => new AesGcmXmlDecryptor(Services(key)).Decrypt(encrypted));
    }

    [Fact]
    public async Task WithTheSettingTheStoredKeysHoldNoPlaintextKeyAndAnotherInstanceWithTheSameSettingReadsThem()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var key = NewKey();
        var settings = database.Settings with { KeyEncryption = key };

        string protectedText;
        await using (var first = WebHost.Build(settings, TimeProvider.System, "http://127.0.0.1:0"))
        {
            protectedText = Protector(first.Services).Protect("session 42");
        }

        await using (var db = database.Open())
        {
            var stored = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("pnxEncryptedKey", xml, StringComparison.Ordinal);
                Assert.Contains($"keyId=\"{key.Id}\"", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            });
        }

        await using (var second = WebHost.Build(settings, TimeProvider.System, "http://127.0.0.1:0"))
        {
            Assert.Equal("session 42", Protector(second.Services).Unprotect(protectedText));
        }

        await using (var withoutKey = WebHost.Build(database.Settings, TimeProvider.System, "http://127.0.0.1:0"))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(withoutKey.Services).Unprotect(protectedText));
        }
    }

    [Fact]
    public async Task WithoutTheSettingKeysAreStoredAsBeforeAndStillWork()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = WebHost.Build(database.Settings, TimeProvider.System, "http://127.0.0.1:0");
        var text = Protector(app.Services).Protect("x");
        Assert.Equal("x", Protector(app.Services).Unprotect(text));
        await using var db = database.Open();
        Assert.All(await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync(), xml => Assert.Contains("masterKey", xml, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void AKeySettingThatIsNot32BytesOfBase64StopsTheStartWithoutEchoingIt(string value)
    {
        var read = PnxSettings.FromEnvironment(ConfigurationTests.Environment(("PNX_KEY_ENCRYPTION_KEY", value)));
        Assert.Null(read.Settings);
        var problem = Assert.Single(read.Problems);
        Assert.StartsWith("PNX_KEY_ENCRYPTION_KEY:", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(value, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidKeySettingIsRead()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var settings = PnxSettings.FromEnvironment(ConfigurationTests.Environment(("PNX_KEY_ENCRYPTION_KEY", Convert.ToBase64String(bytes)))).Settings!;
        Assert.Equal(new KeyEncryptionKey(bytes).Id, settings.KeyEncryption?.Id);
        Assert.Null(PnxSettings.FromEnvironment(ConfigurationTests.Environment()).Settings!.KeyEncryption);
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("pnx key encryption test");

    private static ServiceProvider Services(KeyEncryptionKey key) => new ServiceCollection().AddSingleton(key).BuildServiceProvider();
}
