namespace NhiPlatform.Client.Tokens;

/// <summary>A token with the instant from which it should be renewed.</summary>
internal sealed record CachedAccessToken(string Value, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt);
