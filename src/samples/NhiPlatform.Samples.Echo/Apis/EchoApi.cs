using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;

namespace NhiPlatform.Samples.Echo.Apis;

/// <summary>
/// Answers any request with what it received, identity headers first: shows what the gateway forwards. <c>GET
/// /echo/received?path=/x</c> says how many requests to <c>/x</c> this replica answered.
/// </summary>
internal static class EchoApi
{
    public const string ReceivedPath = "/echo/received";

    public static IEndpointRouteBuilder MapEchoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReceivedPath, (string path, ReceivedRequests received) => TypedResults.Ok(new ReceivedCount(path, received.Count(path))))
            .WithName("EchoReceived");
        app.Map("/{**rest}", Echo).WithName("Echo");
        return app;
    }

    public static Ok<EchoResponse> Echo(HttpRequest request, ReceivedRequests received)
    {
        received.Add(request.Path.Value ?? "/");
        return TypedResults.Ok(Describe(request));
    }

    private static EchoResponse Describe(HttpRequest request) => new()
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
    };
}

/// <summary>How many requests to <see cref="Path"/> the echo replica answered.</summary>
internal sealed record ReceivedCount(string Path, int Count);
