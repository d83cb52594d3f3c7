using System.Text.Json.Serialization;

namespace NhiPlatform.TokenService.Protocol;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
[JsonSerializable(typeof(DiscoveryDocument))]
[JsonSerializable(typeof(IntrospectionResponse))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
