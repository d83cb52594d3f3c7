using System.Text.Json.Serialization;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>A successful token response (RFC 6749 §5.1; RFC 8693 §2.2.1 adds <c>issued_token_type</c>).</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope)
{
    [JsonPropertyName("issued_token_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IssuedTokenType { get; init; }
}
