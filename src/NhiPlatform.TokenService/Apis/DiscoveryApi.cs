using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Protocol;
using NhiPlatform.TokenService.Signing;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenService.Apis;

/// <summary>Metadata (RFC 8414, OpenID discovery) and the public keys (RFC 7517). Anonymous and cacheable briefly.</summary>
internal static class DiscoveryApi
{
    public const string JwksPath = "/.well-known/jwks.json";
    private static readonly string[] AuthMethods = ["client_secret_basic", "client_secret_post", "private_key_jwt"];

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/.well-known").AllowAnonymous().ExcludeFromDescription();
        api.MapGet("/openid-configuration", GetMetadata).WithName("OpenIdConfiguration");
        api.MapGet("/oauth-authorization-server", GetMetadata).WithName("AuthorizationServerMetadata");
        api.MapGet("/jwks.json", GetJwks).WithName("Jwks");
        return app;
    }

    public static JsonHttpResult<DiscoveryDocument> GetMetadata(IOptions<TokenServiceOptions> options, HttpResponse response)
    {
        var issuer = options.Value.Issuer.TrimEnd('/');
        response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Json(new DiscoveryDocument
        {
            Issuer = issuer,
            TokenEndpoint = options.Value.TokenEndpoint.ToString(),
            JwksUri = issuer + JwksPath,
            GrantTypesSupported = [GrantTypeValidator.ClientCredentials, GrantTypeValidator.TokenExchange],
            TokenEndpointAuthMethodsSupported = AuthMethods,
            TokenEndpointAuthSigningAlgValuesSupported = ClientKeyAlgorithms.All,
            IntrospectionEndpoint = issuer + IntrospectionEndpointHandler.Path,
            IntrospectionEndpointAuthMethodsSupported = AuthMethods,
            IntrospectionEndpointAuthSigningAlgValuesSupported = ClientKeyAlgorithms.All,
            RevocationEndpoint = issuer + RevocationEndpointHandler.Path,
            RevocationEndpointAuthMethodsSupported = AuthMethods,
            RevocationEndpointAuthSigningAlgValuesSupported = ClientKeyAlgorithms.All,
            IdTokenSigningAlgValuesSupported = ["RS256", "ES256"],
            SubjectTypesSupported = ["public"],
            DPoPSigningAlgValuesSupported = DPoPConstants.Algorithms,
        }, ProtocolJsonContext.Default.DiscoveryDocument);
    }

    public static Ok<JsonObject> GetJwks(SigningKeyRing keys, HttpResponse response)
    {
        // Short caching: a new key is published before it signs, and validators refetch on an unknown kid anyway.
        response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(JwksWriter.Write(keys.Published.Select(k => k.ToPublicJsonWebKey())));
    }
}
