using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenService.KeyProtection;

/// <summary>
/// Outside development the key ring must be encrypted: no key-encryption key stops start-up, since without one a
/// read of the database is enough to decrypt the signing keys.
/// </summary>
internal sealed class KeyEncryptionOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyEncryptionOptions options)
    {
        if (string.IsNullOrEmpty(options.Key))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{NhiConfigurationKeys.KeyEncryptionKey} is missing: the token service will not keep its key ring unencrypted " +
                    "beside the data it protects. Give it a secret of at least 32 characters from your secret store " +
                    $"(environment variable {NhiConfigurationKeys.ToEnvironmentVariable(NhiConfigurationKeys.KeyEncryptionKey)}); ./run.sh does.");
        }

        var tooShort = options.PreviousKeys.Prepend(options.Key).Any(key => !string.IsNullOrEmpty(key) && key.Length < KeyEncryptionKey.MinimumSecretLength);
        return tooShort
            ? ValidateOptionsResult.Fail($"Every key-encryption key ({KeyEncryptionOptions.Section}) has at least {KeyEncryptionKey.MinimumSecretLength} characters.")
            : ValidateOptionsResult.Success;
    }
}
