using System.Text.Json;
using System.Text.Json.Serialization;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>RFC 7662 §2.2: <c>active</c>, and for an active token its claims; an inactive one says nothing more.</summary>
internal sealed record IntrospectionResponse
{
    [JsonPropertyName("active")] public required bool Active { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
    [JsonPropertyName("client_id")] public string? ClientId { get; init; }
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }
    [JsonPropertyName("exp")] public long? Exp { get; init; }
    [JsonPropertyName("iat")] public long? Iat { get; init; }
    [JsonPropertyName("nbf")] public long? Nbf { get; init; }
    [JsonPropertyName("sub")] public string? Sub { get; init; }
    [JsonPropertyName("aud")] public string? Aud { get; init; }
    [JsonPropertyName("iss")] public string? Iss { get; init; }
    [JsonPropertyName("jti")] public string? Jti { get; init; }
    [JsonPropertyName("act")] public JsonElement? Act { get; init; }
    [JsonPropertyName("cnf")] public JsonElement? Cnf { get; init; }

    public static IntrospectionResponse Inactive { get; } = new() { Active = false };
}
