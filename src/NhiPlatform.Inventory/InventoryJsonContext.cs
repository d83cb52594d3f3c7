using System.Text.Json;
using System.Text.Json.Serialization;

namespace NhiPlatform.Inventory;

/// <summary>JSON the inventory stores (tags, evidence, live tickets) or sends (webhook).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Live.LiveHolder))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;
