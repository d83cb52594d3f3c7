using NhiPlatform.Contracts.Revocation;

namespace NhiPlatform.TokenService.Domain;

/// <summary>The revocation state the edge enforces (contract: <c>NhiPlatform.Contracts.Revocation</c>).</summary>
internal interface IRevocationStore
{
    /// <summary>Stores the revocation (token id until its expiry, or an identity cut-off) and publishes it.</summary>
    Task ApplyAsync(RevocationMessage message, CancellationToken cancellationToken);

    /// <summary>Whether the token is revoked by id, or issued (<paramref name="issuedAt"/>) before its client's cut-off.</summary>
    Task<bool> IsRevokedAsync(string tokenId, string clientId, DateTimeOffset issuedAt, CancellationToken cancellationToken);
}
