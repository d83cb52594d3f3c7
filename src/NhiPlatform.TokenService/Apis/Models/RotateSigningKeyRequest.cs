namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Optional body of <c>POST /api/admin/signing-keys/rotate</c>.</summary>
public sealed record RotateSigningKeyRequest
{
    /// <summary>Sign with the new key at once instead of after the publish lead time (validators with a cached JWKS refetch on the unknown kid).</summary>
    public bool Immediate { get; init; }
}
