using System.Text.Json;

namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>
/// Body of <c>POST /api/admin/identities/{clientId}/credentials</c>: empty (or no body) adds a client secret;
/// with <see cref="Jwk"/>, registers a public key for private_key_jwt.
/// </summary>
public sealed record AddCredentialRequest
{
    public JsonElement? Jwk { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}
