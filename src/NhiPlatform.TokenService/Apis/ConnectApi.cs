using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Apis;

/// <summary>The OAuth endpoints under <c>/connect</c>; they answer RFC 6749 errors, never ProblemDetails.</summary>
internal static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/connect").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        api.MapPost("/token", IssueToken).WithName("Token");
        api.MapPost("/introspect", Introspect).WithName("Introspect");
        api.MapPost("/revoke", Revoke).WithName("Revoke");
        return app;
    }

    public static Task<IResult> IssueToken(HttpRequest request, TokenEndpointHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);

    public static Task<IResult> Introspect(HttpRequest request, IntrospectionEndpointHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);

    public static Task<IResult> Revoke(HttpRequest request, RevocationEndpointHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
