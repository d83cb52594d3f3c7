namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>Proof ids seen by any replica (RFC 9449 §11.1): each proof is accepted once.</summary>
public interface IDPoPReplayCache
{
    /// <summary>True the first time (<paramref name="thumbprint"/>, <paramref name="tokenId"/>) is seen within <paramref name="window"/>; false on a replay. Throws when the store is down.</summary>
    Task<bool> TryUseAsync(string thumbprint, string tokenId, TimeSpan window, CancellationToken cancellationToken);
}
