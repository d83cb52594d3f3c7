namespace NhiPlatform.TokenService.Domain;

/// <summary>Filters of the identity list; null means any. A tag filter is <c>key=value</c>.</summary>
internal sealed record IdentityQuery(string? Owner, string? Status, string? Tag, string? Scope);
