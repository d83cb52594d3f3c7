using Microsoft.AspNetCore.Diagnostics;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Extensions;

/// <summary>An unexpected failure under <c>/connect</c> answers OAuth's <c>server_error</c>; elsewhere, a bare ProblemDetails 500.</summary>
internal sealed class ConnectExceptionHandler(ILogger<ConnectExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/connect"))
        {
            return false;
        }

        ProtocolLog.ProtocolFailure(logger, exception, httpContext.Request.Path);
        await new OAuthErrorResult(new OAuthError(OAuthErrors.ServerError, "The server could not process the request."))
            .ExecuteAsync(httpContext);
        return true;
    }
}
