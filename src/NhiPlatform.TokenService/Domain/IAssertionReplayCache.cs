namespace NhiPlatform.TokenService.Domain;

/// <summary>Remembers client-assertion ids across replicas, so each assertion is accepted once (RFC 7523 §3, item 7).</summary>
internal interface IAssertionReplayCache
{
    /// <summary>True the first time (<paramref name="clientId"/>, <paramref name="tokenId"/>) is seen before <paramref name="expiresAt"/>; false on a replay.</summary>
    Task<bool> TryUseAsync(string clientId, string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
