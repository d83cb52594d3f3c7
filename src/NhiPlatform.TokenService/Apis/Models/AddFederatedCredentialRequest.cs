using System.Text.Json;

namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>
/// Body of <c>POST /api/admin/identities/{clientId}/federated-credentials</c>, shaped like Entra's federated identity
/// credential: trust <see cref="Issuer"/>'s tokens whose <c>sub</c> is exactly <see cref="Subject"/>.
/// </summary>
public sealed record AddFederatedCredentialRequest
{
    public string? Name { get; init; }
    public string? Issuer { get; init; }
    public string? Subject { get; init; }

    /// <summary>Accepted <c>aud</c> values; default: our token endpoint's URL and our issuer URL.</summary>
    public IReadOnlyList<string>? Audiences { get; init; }

    /// <summary>Other claims the token must carry with exactly these values (e.g. <c>repository_owner</c>, <c>environment</c>).</summary>
    public Dictionary<string, string>? Claims { get; init; }

    public string? Description { get; init; }

    /// <summary>A JWKS pinned for an issuer without OIDC discovery (e.g. a private Kubernetes cluster's keys).</summary>
    public JsonElement? Jwks { get; init; }
}
