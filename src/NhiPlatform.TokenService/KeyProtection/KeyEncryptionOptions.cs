using NhiPlatform.Contracts;

namespace NhiPlatform.TokenService.KeyProtection;

/// <summary>
/// The key-encryption keys (<c>Nhi:Tokens:KeyEncryption</c>): <see cref="Key"/> protects the key ring; each of
/// <see cref="PreviousKeys"/> still decrypts what it protected, until start-up has re-encrypted it with the new key.
/// </summary>
internal sealed class KeyEncryptionOptions
{
    public const string Section = NhiConfigurationKeys.TokensSection + ":KeyEncryption";

    /// <summary>At least 32 characters; from the deployment's secret store (the AppHost's parameter when run locally).</summary>
    public string? Key { get; set; }

    /// <summary>Keys being rotated out: read, never written.</summary>
    public IList<string> PreviousKeys { get; } = [];
}
