using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Pnx.Hosting.KeyEncryption;

/// <summary>Wires <see cref="KeyEncryptionKey"/> into data protection: new keys are stored encrypted when it is set.</summary>
public static partial class KeyEncryptionSetup
{
    public static IServiceCollection AddPnxKeyEncryption(this IServiceCollection services, KeyEncryptionKey? key)
    {
        if (key is null) return services;
        services.AddSingleton(key);
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(key));
        return services;
    }

    /// <summary>One line at start-up when keys are stored as plain XML (demo, tests, a forgotten setting).</summary>
    public static void WarnWhenUnset(KeyEncryptionKey? key, ILogger logger)
    {
        if (key is null) LogUnencrypted(logger, KeyEncryptionKey.Variable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Variable} is not set: data-protection keys (cookies, antiforgery) are stored unencrypted in the database")]
    private static partial void LogUnencrypted(ILogger logger, string variable);
}
