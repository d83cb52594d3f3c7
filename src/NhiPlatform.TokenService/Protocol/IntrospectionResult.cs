namespace NhiPlatform.TokenService.Protocol;

/// <summary>Writes an introspection response: JSON, never cached (RFC 7662 §2.2).</summary>
internal sealed class IntrospectionResult(IntrospectionResponse response) : IResult
{
    public IntrospectionResponse Response { get; } = response;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        return httpContext.Response.WriteAsJsonAsync(Response, ProtocolJsonContext.Default.IntrospectionResponse,
            contentType: "application/json", httpContext.RequestAborted);
    }
}
