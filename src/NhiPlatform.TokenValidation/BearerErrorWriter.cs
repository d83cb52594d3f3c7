using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenValidation;

/// <summary>
/// RFC 6750 §3 error responses: the <c>WWW-Authenticate</c> challenge, and the same code in a small JSON body for
/// clients that read bodies. Descriptions are generic: the reason a token failed goes to the log, not to the caller.
/// </summary>
public static class BearerErrorWriter
{
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>A DPoP proof that cannot be checked for replay (Redis down): 503, fail closed.</summary>
    public const string TemporarilyUnavailable = "temporarily_unavailable";

    /// <summary>401. Without a presented token the challenge carries no error code (RFC 6750 §3.1).</summary>
    public static Task WriteUnauthorizedAsync(HttpContext context, bool tokenPresented)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!tokenPresented)
        {
            var bearer = $"Bearer realm=\"{AccessTokenDefaults.Realm}\"";
            // RFC 9449 §7.1: where DPoP is accepted, both schemes are offered, DPoP with the proof algorithms.
            context.Response.Headers.WWWAuthenticate = context.RequestServices?.GetService<DPoPResourceCheck>() is null
                ? bearer
                : new StringValues([bearer, $"{DPoPConstants.Scheme} realm=\"{AccessTokenDefaults.Realm}\", algs=\"{DPoPConstants.AlgorithmsParameter}\""]);
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

    /// <summary>
    /// RFC 9449 §7.1 and §9: 401 with a <c>DPoP</c> challenge naming the error and the accepted algorithms, and the nonce to
    /// retry with; when the proof could not be checked for replay, 503 with <c>Retry-After</c> (fail closed).
    /// </summary>
    public static Task WriteDPoPErrorAsync(HttpContext context, DPoPProofResult result)
    {
        if (result.Unavailable)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return WriteBodyAsync(context, TemporarilyUnavailable, DPoPProofResult.UnavailableDescription);
        }

        var error = result.Error ?? DPoPConstants.InvalidDPoPProof;
        var description = result.Description ?? "The DPoP proof is invalid.";
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate =
            $"{DPoPConstants.Scheme} realm=\"{AccessTokenDefaults.Realm}\", error=\"{error}\", error_description=\"{description}\", algs=\"{DPoPConstants.AlgorithmsParameter}\"";
        if (result.Nonce is not null)
        {
            context.Response.Headers[DPoPConstants.NonceHeaderName] = result.Nonce;
        }

        return WriteBodyAsync(context, error, description);
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
