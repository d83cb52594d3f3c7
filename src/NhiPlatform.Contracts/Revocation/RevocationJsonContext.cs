using System.Text.Json;
using System.Text.Json.Serialization;

namespace NhiPlatform.Contracts.Revocation;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RevocationMessage))]
public sealed partial class RevocationJsonContext : JsonSerializerContext;
