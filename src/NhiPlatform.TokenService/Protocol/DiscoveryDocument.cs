using System.Text.Json.Serialization;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>Authorization server metadata (RFC 8414 §2), also served as the OpenID discovery document.</summary>
internal sealed record DiscoveryDocument
{
    [JsonPropertyName("issuer")] public required string Issuer { get; init; }
    [JsonPropertyName("token_endpoint")] public required string TokenEndpoint { get; init; }
    [JsonPropertyName("jwks_uri")] public required string JwksUri { get; init; }
    [JsonPropertyName("grant_types_supported")] public required IReadOnlyList<string> GrantTypesSupported { get; init; }
    [JsonPropertyName("token_endpoint_auth_methods_supported")] public required IReadOnlyList<string> TokenEndpointAuthMethodsSupported { get; init; }
    [JsonPropertyName("token_endpoint_auth_signing_alg_values_supported")] public IReadOnlyList<string>? TokenEndpointAuthSigningAlgValuesSupported { get; init; }
    [JsonPropertyName("introspection_endpoint")] public string? IntrospectionEndpoint { get; init; }
    [JsonPropertyName("introspection_endpoint_auth_methods_supported")] public IReadOnlyList<string>? IntrospectionEndpointAuthMethodsSupported { get; init; }
    [JsonPropertyName("introspection_endpoint_auth_signing_alg_values_supported")] public IReadOnlyList<string>? IntrospectionEndpointAuthSigningAlgValuesSupported { get; init; }
    [JsonPropertyName("revocation_endpoint")] public string? RevocationEndpoint { get; init; }
    [JsonPropertyName("revocation_endpoint_auth_methods_supported")] public IReadOnlyList<string>? RevocationEndpointAuthMethodsSupported { get; init; }
    [JsonPropertyName("revocation_endpoint_auth_signing_alg_values_supported")] public IReadOnlyList<string>? RevocationEndpointAuthSigningAlgValuesSupported { get; init; }
    [JsonPropertyName("response_types_supported")] public IReadOnlyList<string> ResponseTypesSupported { get; init; } = [];
    [JsonPropertyName("subject_types_supported")] public IReadOnlyList<string>? SubjectTypesSupported { get; init; }
    [JsonPropertyName("id_token_signing_alg_values_supported")] public IReadOnlyList<string>? IdTokenSigningAlgValuesSupported { get; init; }
    [JsonPropertyName("dpop_signing_alg_values_supported")] public IReadOnlyList<string>? DPoPSigningAlgValuesSupported { get; init; }
    [JsonPropertyName("scopes_supported")] public IReadOnlyList<string>? ScopesSupported { get; init; }
}
