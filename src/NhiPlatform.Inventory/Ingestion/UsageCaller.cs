using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Who made a call, as the read models key it: a client id, an unverified subject@issuer, or 'anonymous'.</summary>
internal static class UsageCaller
{
    public const string Identity = "identity";
    public const string Unverified = "unverified";
    public const string Anonymous = "anonymous";

    public static (string Caller, string Kind) Of(UsageRecordedEvent usage) =>
        usage.ClientId is not null ? (usage.ClientId, Identity)
        : usage.UnverifiedSubject is not null || usage.UnverifiedIssuer is not null
            ? ($"unverified:{usage.UnverifiedSubject ?? "?"}@{usage.UnverifiedIssuer ?? "?"}", Unverified)
            : (Anonymous, Anonymous);
}
