namespace NhiPlatform.TokenService.Identities;

/// <summary>What a team gives to register an identity; the client id is derived from the name when omitted.</summary>
internal sealed record NewIdentity(string? ClientId, string DisplayName, string Owner, string Purpose, IReadOnlyList<string> AllowedScopes);
