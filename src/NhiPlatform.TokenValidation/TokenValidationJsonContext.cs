using System.Text.Json.Serialization;

namespace NhiPlatform.TokenValidation;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TokenValidationJsonContext : JsonSerializerContext;
