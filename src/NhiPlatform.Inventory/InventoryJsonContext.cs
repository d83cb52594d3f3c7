using System.Text.Json;
using System.Text.Json.Serialization;

namespace NhiPlatform.Inventory;

/// <summary>JSON the inventory stores (tags, evidence) or sends (webhook).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;
