using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Who made a call, as the read models key it: a client id, an unverified caller by its source
/// (<see cref="UnverifiedCallers"/>), or 'anonymous'.
/// </summary>
internal static class UsageCaller
{
    public const string Identity = "identity";
    public const string Unverified = UnverifiedCallers.Kind;
    public const string Anonymous = "anonymous";

    public static (string Caller, string Kind) Of(UsageRecordedEvent usage) =>
        usage.ClientId is not null ? (usage.ClientId, Identity)
        : usage.UnverifiedSubject is not null || usage.UnverifiedIssuer is not null
            ? (UnverifiedCallers.Key(usage.SourceAddress), Unverified)
            : (Anonymous, Anonymous);
}
