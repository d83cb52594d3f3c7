using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Apis.Models;

internal static class UsageMapping
{
    public static UsageItem ToItem(this UsageRecordedEvent usage) => new()
    {
        EventId = usage.EventId,
        OccurredAt = usage.OccurredAt,
        ClientId = usage.ClientId,
        TokenId = usage.TokenId,
        Scopes = usage.Scopes,
        UnverifiedIssuer = usage.UnverifiedIssuer,
        UnverifiedSubject = usage.UnverifiedSubject,
        RouteId = usage.RouteId,
        Destination = usage.Destination,
        Method = usage.Method,
        Path = usage.Path,
        Status = usage.Status,
        LatencyMs = usage.LatencyMs,
        SourceAddress = usage.SourceAddress,
        UserAgent = usage.UserAgent,
        Decision = usage.Decision,
        Reason = usage.Reason,
    };
}
