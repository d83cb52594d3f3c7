namespace NhiPlatform.Contracts;

/// <summary>Redis streams between the services and the fields of each entry.</summary>
public static class NhiStreams
{
    /// <summary>Usage events written by the gateway, one per request, many per entry (<see cref="Events.UsageBatch"/>).</summary>
    public const string Usage = "nhi:usage";

    /// <summary>Identity-change events written by the token service.</summary>
    public const string Identities = "nhi:identities";

    /// <summary>The inventory's consumer group on both streams.</summary>
    public const string InventoryGroup = "inventory";

    /// <summary>Entry field: the event's type name, e.g. <c>usage.recorded</c>.</summary>
    public const string TypeField = "type";

    /// <summary>Entry field: the schema version, e.g. <c>1</c>.</summary>
    public const string VersionField = "v";

    /// <summary>Entry field: the event serialized as JSON (<see cref="Events.NhiEventsJsonContext"/>).</summary>
    public const string DataField = "data";

    /// <summary>Entry field of a batch entry: how many events its <c>data</c> array holds (readers size reads by it).</summary>
    public const string CountField = "n";
}
