namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>The secret every replica derives DPoP nonces from, so a nonce one replica issued is valid at all of them.</summary>
public interface IDPoPNonceKey
{
    ValueTask<byte[]> GetAsync(CancellationToken cancellationToken);
}
