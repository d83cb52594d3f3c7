namespace NhiPlatform.TokenService.Federation;

/// <summary>A requested federated credential after its checks: normalised values, defaults filled in.</summary>
internal sealed record FederatedCredentialDraft(
    string Name, string Issuer, string Subject, IReadOnlyList<string> Audiences, IReadOnlyDictionary<string, string> Claims, string? Description, string? Jwks);
