using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;

namespace NhiPlatform.Samples.Echo.Apis;

/// <summary>Answers any request with what it received, identity headers first: shows what the gateway forwards.</summary>
internal static class EchoApi
{
    public static IEndpointRouteBuilder MapEchoApi(this IEndpointRouteBuilder app)
    {
        app.Map("/{**rest}", Echo).WithName("Echo");
        return app;
    }

    public static Ok<EchoResponse> Echo(HttpRequest request) => TypedResults.Ok(new EchoResponse
    {
        Method = request.Method,
        Path = request.Path.Value ?? "/",
        Query = request.QueryString.Value ?? string.Empty,
        Identity = new EchoIdentity
        {
            ClientId = request.Headers[NhiHeaders.ClientId].ToString() is { Length: > 0 } id ? id : null,
            Scopes = request.Headers[NhiHeaders.Scopes].ToString() is { Length: > 0 } scopes ? scopes : null,
            TokenId = request.Headers[NhiHeaders.TokenId].ToString() is { Length: > 0 } jti ? jti : null,
        },
        Headers = request.Headers
            .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        AuthorizationForwarded = request.Headers.Authorization.Count > 0,
    });
}
