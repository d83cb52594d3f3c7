using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NhiPlatform.TokenValidation;

/// <summary>
/// RFC 6750 §3 error responses: the <c>WWW-Authenticate</c> challenge, and the same code in a small JSON body for
/// clients that read bodies. Descriptions are generic: the reason a token failed goes to the log, not to the caller.
/// </summary>
public static class BearerErrorWriter
{
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>401. Without a presented token the challenge carries no error code (RFC 6750 §3.1).</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context, bool tokenPresented)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!tokenPresented)
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{AccessTokenDefaults.Realm}\"";
            return WriteBodyAsync(context, error: null, "A bearer access token is required.");
        }

        const string description = "The access token is invalid, expired or revoked.";
        context.Response.Headers.WWWAuthenticate =
            $"Bearer realm=\"{AccessTokenDefaults.Realm}\", error=\"{InvalidToken}\", error_description=\"{description}\"";
        return WriteBodyAsync(context, InvalidToken, description);
    }

    /// <summary>403 naming the scopes the resource requires (RFC 6750 §3, <c>scope</c> attribute).</summary>
    public static Task WriteInsufficientScopeAsync(HttpContext context, IEnumerable<string> requiredScopes)
    {
        const string description = "The access token lacks a scope this resource requires.";
        var scope = string.Join(' ', requiredScopes);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.Headers.WWWAuthenticate =
            $"Bearer realm=\"{AccessTokenDefaults.Realm}\", error=\"{InsufficientScope}\", error_description=\"{description}\", scope=\"{scope}\"";
        return WriteBodyAsync(context, InsufficientScope, description, scope);
    }

    private static async Task WriteBodyAsync(HttpContext context, string? error, string description, string? scope = null)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, string>(StringComparer.Ordinal);
        if (error is not null)
        {
            body["error"] = error;
        }

        body["error_description"] = description;
        if (scope is not null)
        {
            body["scope"] = scope;
        }

        await JsonSerializer.SerializeAsync(context.Response.Body, body, TokenValidationJsonContext.Default.DictionaryStringString,
            context.RequestAborted);
    }
}
