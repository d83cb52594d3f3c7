using Microsoft.AspNetCore.Http;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Writes an <see cref="OAuthError"/> (RFC 6749 §5.2): the one place that picks the status code. invalid_client is
/// 401 with a Basic challenge, server_error 500, temporarily_unavailable 503, everything else 400; never cached.
/// </summary>
internal sealed class OAuthErrorResult(OAuthError error) : IResult
{
    public OAuthError Error { get; } = error;

    public int StatusCode => Error.Error switch
    {
        OAuthErrors.InvalidClient => StatusCodes.Status401Unauthorized,
        OAuthErrors.ServerError => StatusCodes.Status500InternalServerError,
        OAuthErrors.TemporarilyUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        if (StatusCode == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"nhi\"";
        }

        if (Error.DPoPNonce is not null)
        {
            response.Headers[NhiPlatform.TokenValidation.DPoP.DPoPConstants.NonceHeaderName] = Error.DPoPNonce;
        }

        if (StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = "1";
        }

        return response.WriteAsJsonAsync(new OAuthErrorResponse(Error.Error, Error.Description),
            ProtocolJsonContext.Default.OAuthErrorResponse, contentType: "application/json", httpContext.RequestAborted);
    }
}
