using System.Text.Json.Serialization;

namespace NhiPlatform.TokenService.Protocol;

[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(OAuthErrorResponse))]
[JsonSerializable(typeof(DiscoveryDocument))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
