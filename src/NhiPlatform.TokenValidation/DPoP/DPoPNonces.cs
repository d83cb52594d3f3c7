using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// Server nonces (RFC 9449 §8, §9) without per-process state: a nonce is the time step it was issued in and an HMAC of
/// that step under the shared key (<see cref="IDPoPNonceKey"/>), valid in that step and the next. Any replica issues
/// and checks them; nothing is stored per nonce.
/// </summary>
public sealed class DPoPNonces(IDPoPNonceKey key, IOptions<DPoPOptions> options, TimeProvider timeProvider)
{
    private const int MacLength = 16;

    public async ValueTask<string> IssueAsync(CancellationToken cancellationToken) =>
        Encode(CurrentStep(), await key.GetAsync(cancellationToken));

    public async ValueTask<bool> IsValidAsync(string? nonce, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > 64)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(nonce);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != sizeof(long) + MacLength)
        {
            return false;
        }

        var step = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var current = CurrentStep();
        if (step != current && step != current - 1)
        {
            return false;
        }

        var expected = Base64UrlEncoder.DecodeBytes(Encode(step, await key.GetAsync(cancellationToken)));
        return CryptographicOperations.FixedTimeEquals(bytes, expected);
    }

    private long CurrentStep() => timeProvider.GetUtcNow().ToUnixTimeSeconds() / (long)options.Value.NonceStep.TotalSeconds;

    private static string Encode(long step, byte[] secret)
    {
        Span<byte> buffer = stackalloc byte[sizeof(long) + MacLength];
        BinaryPrimitives.WriteInt64BigEndian(buffer, step);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, buffer[..sizeof(long)], mac);
        mac[..MacLength].CopyTo(buffer[sizeof(long)..]);
        return Base64UrlEncoder.Encode(buffer.ToArray());
    }
}
