namespace NhiPlatform.TokenService.Protocol;

/// <summary>A signed access token and what the response and the log need of it (never the token in a log).</summary>
internal sealed record IssuedAccessToken(string Token, string TokenId, string Scope, DateTimeOffset ExpiresAt, int ExpiresIn);
