using System.Security.Cryptography;
using System.Text;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>
/// Client secrets: <c>nhi_sk_</c>, 256 random bits as 64 hex digits, then an 8-digit checksum (first 4 bytes of
/// SHA-256 of the random part). The prefix lets secret scanners find leaked ones; the checksum lets them tell a real
/// secret from noise without calling us.
/// </summary>
internal static class ClientSecretFormat
{
    public const string Prefix = "nhi_sk_";
    private const int RandomBytes = 32;
    private const int Length = 7 + (RandomBytes * 2) + 8;

    public static string Generate()
    {
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomBytes));
        return Prefix + random + Checksum(random);
    }

    /// <summary>True when <paramref name="secret"/> has our shape and a matching checksum.</summary>
    public static bool IsWellFormed(string secret)
    {
        if (secret.Length != Length || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var random = secret.AsSpan(Prefix.Length, RandomBytes * 2);
        var checksum = secret.AsSpan(Prefix.Length + (RandomBytes * 2));
        return checksum.SequenceEqual(Checksum(random.ToString()));
    }

    private static string Checksum(string random) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(random)).AsSpan(0, 4));
}
