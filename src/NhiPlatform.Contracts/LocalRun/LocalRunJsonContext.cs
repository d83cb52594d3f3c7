using System.Text.Json;
using System.Text.Json.Serialization;

namespace NhiPlatform.Contracts.LocalRun;

/// <summary>JSON of the <c>.nhi/</c> files: snake_case, as OAuth tooling and shell scripts expect.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(EndpointsDocument))]
[JsonSerializable(typeof(BootstrapCredentials))]
public sealed partial class LocalRunJsonContext : JsonSerializerContext;
