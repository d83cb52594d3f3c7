using System.Text;
using Microsoft.AspNetCore.Http;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>Extract stage of the token endpoint: the form and the client's credentials, checked for shape only.</summary>
internal static class TokenRequestReader
{
    public const string PrivateKeyJwtAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static async Task<(TokenRequest? Request, OAuthError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // RFC 6749 §3.2: parameters are sent as application/x-www-form-urlencoded.
        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, OAuthError.InvalidRequest("The request must be application/x-www-form-urlencoded."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, OAuthError.InvalidRequest("The request body is not a valid form."));
        }

        // RFC 6749 §3.2: request parameters must not be included more than once (RFC 8707 allows several
        // resources; we issue one audience per token, so more than one is invalid_target).
        if (form.Any(field => field.Value.Count > 1 && field.Key != "resource"))
        {
            return (null, OAuthError.InvalidRequest("A parameter was repeated."));
        }

        if (form.TryGetValue("resource", out var resources) && resources.Count > 1)
        {
            return (null, new OAuthError(OAuthErrors.InvalidTarget, "Request one resource per token."));
        }

        var bodyClientId = Value(form, "client_id");
        var bodySecret = Value(form, "client_secret");
        var authorization = request.Headers.Authorization.ToString();
        string? clientId = bodyClientId, clientSecret = bodySecret;
        var method = bodySecret is null ? ClientAuthenticationMethod.None : ClientAuthenticationMethod.ClientSecretPost;
        var assertion = Value(form, "client_assertion");
        if (assertion is not null || Value(form, "client_assertion_type") is not null)
        {
            // RFC 7523 §2.2: the assertion type is fixed; RFC 6749 §2.3: one authentication method per request.
            if (Value(form, "client_assertion_type") != PrivateKeyJwtAssertionType || assertion is null)
            {
                return (null, OAuthError.InvalidRequest("client_assertion_type must be " + PrivateKeyJwtAssertionType + " with a client_assertion."));
            }

            if (bodySecret is not null || request.Headers.Authorization.Count > 0)
            {
                return (null, OAuthError.InvalidRequest("Use one client authentication method."));
            }

            method = ClientAuthenticationMethod.PrivateKeyJwt;
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6749 §2.3: a client must not use more than one authentication method per request.
            if (bodySecret is not null)
            {
                return (null, OAuthError.InvalidRequest("Use one client authentication method."));
            }

            if (!TryDecodeBasic(authorization["Basic ".Length..], out var basicId, out var basicSecret)
                || (bodyClientId is not null && bodyClientId != basicId))
            {
                return (null, OAuthError.InvalidRequest("The Authorization header is malformed."));
            }

            (clientId, clientSecret, method) = (basicId, basicSecret, ClientAuthenticationMethod.ClientSecretBasic);
        }

        return (new TokenRequest
        {
            GrantType = Value(form, "grant_type"),
            Scope = Value(form, "scope"),
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientAssertion = assertion,
            AuthenticationMethod = method,
            Resource = Value(form, "resource"),
            Audience = Value(form, "audience"),
            SubjectToken = Value(form, "subject_token"),
            SubjectTokenType = Value(form, "subject_token_type"),
            ActorToken = Value(form, "actor_token"),
            ActorTokenType = Value(form, "actor_token_type"),
            RequestedTokenType = Value(form, "requested_token_type"),
            Token = Value(form, "token"),
            TokenTypeHint = Value(form, "token_type_hint"),
        }, null);
    }

    private static string? Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value[0]) ? value[0] : null;

    /// <summary>RFC 6749 §2.3.1: both parts are form-url-encoded before Base64.</summary>
    private static bool TryDecodeBasic(string encoded, out string clientId, out string secret)
    {
        clientId = secret = string.Empty;
        Span<byte> buffer = stackalloc byte[512];
        if (!Convert.TryFromBase64String(encoded.Trim(), buffer, out var written))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        return secret.Length > 0;
    }
}
