using System.Text.Json.Serialization;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>The JSON body of an error response (RFC 6749 §5.2).</summary>
internal sealed record OAuthErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
