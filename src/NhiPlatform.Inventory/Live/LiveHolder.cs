namespace NhiPlatform.Inventory.Live;

/// <summary>Who opened an event stream: the identity and the token its ticket was asked with (its <c>jti</c> and <c>iat</c>).</summary>
internal sealed record LiveHolder(string ClientId, string? TokenId, long IssuedAt);
