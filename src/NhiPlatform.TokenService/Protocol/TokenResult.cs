using Microsoft.AspNetCore.Http;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>Writes a token response: JSON, never cached (RFC 6749 §5.1).</summary>
internal sealed class TokenResult(TokenResponse response) : IResult
{
    public TokenResponse Response { get; } = response;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.Pragma = "no-cache";
        return httpContext.Response.WriteAsJsonAsync(Response, ProtocolJsonContext.Default.TokenResponse,
            contentType: "application/json", httpContext.RequestAborted);
    }
}
