namespace NhiPlatform.Contracts.Events;

/// <summary>Values of <see cref="UsageRecordedEvent.Reason"/>.</summary>
public static class UsageReasons
{
    public const string MissingToken = "missing_token";
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";
    public const string Revoked = "revoked";
    public const string NoRoute = "no_route";
    public const string RateLimited = "rate_limited";
    public const string UpstreamError = "upstream_error";
}
