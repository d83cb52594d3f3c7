using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>A new identity with its first secret, which exists in clear only in this object and the one response.</summary>
internal sealed record RegisteredIdentity(Identity Identity, string ClientSecret, DateTimeOffset ClientSecretExpiresAt);
