using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Gateway.Authentication;

/// <summary>
/// What a token is checked against, as one object compared by reference: the token service's current metadata (a new
/// object whenever the keys are refreshed), or fixed keys. <see cref="ValidatedTokenCache"/> keys its entries by it.
/// A <see cref="ValueTask{TResult}"/>: it is read on every authenticated request and almost always completes at once.
/// </summary>
internal static class SigningKeySet
{
    public static async ValueTask<object?> CurrentAsync(BaseConfigurationManager? configurationManager, TokenValidationParameters validationParameters)
    {
        if (configurationManager is null)
        {
            return (object?)validationParameters.IssuerSigningKeys ?? validationParameters.IssuerSigningKey;
        }

        try
        {
            return await configurationManager.GetBaseConfigurationAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // No metadata yet (token service unreachable since start-up): no cache; the full validation decides.
            return null;
        }
    }
}
