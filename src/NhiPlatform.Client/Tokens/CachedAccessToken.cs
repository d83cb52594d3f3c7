namespace NhiPlatform.Client.Tokens;

/// <summary>A token with the instant from which it should be renewed.</summary>
internal sealed record CachedAccessToken(string Value, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt)
{
    /// <summary>The <c>token_type</c>: <c>Bearer</c>, or <c>DPoP</c> for a token bound to the client's key.</summary>
    public string Type { get; init; } = "Bearer";
}
