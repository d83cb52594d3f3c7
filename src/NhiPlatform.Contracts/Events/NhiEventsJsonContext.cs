using System.Text.Json;
using System.Text.Json.Serialization;

namespace NhiPlatform.Contracts.Events;

/// <summary>The one JSON shape of every event on the wire: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UsageRecordedEvent))]
[JsonSerializable(typeof(UsageRecordedEvent[]))]
[JsonSerializable(typeof(IdentityChangedEvent))]
public sealed partial class NhiEventsJsonContext : JsonSerializerContext;
