namespace NhiPlatform.Contracts.Revocation;

/// <summary>One revocation, published on <see cref="NhiRevocation.Channel"/> after it is stored.</summary>
public sealed record RevocationMessage
{
    /// <summary><c>token</c> (one <c>jti</c>) or <c>identity</c> (a cut-off for every token of a client).</summary>
    public required string Kind { get; init; }

    /// <summary>The revoked token's <c>jti</c>, for <c>token</c>.</summary>
    public string? TokenId { get; init; }

    /// <summary>When the revoked token expires; the entry can be forgotten after it.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The client whose tokens are cut off, for <c>identity</c>.</summary>
    public string? ClientId { get; init; }

    /// <summary>Tokens of <see cref="ClientId"/> issued before this instant are invalid.</summary>
    public DateTimeOffset? IssuedBefore { get; init; }

    public const string TokenKind = "token";
    public const string IdentityKind = "identity";
}
