using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>
/// The key types and algorithms a client may sign its assertions with (private_key_jwt): the one list the JWK checks,
/// the assertion validator and the discovery metadata read.
/// </summary>
internal static class ClientKeyAlgorithms
{
    public const int MinRsaBits = 2048;
    public const int MaxRsaBits = 4096;

    public static readonly string[] Rsa = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256];

    /// <summary>Each curve with its coordinate length in bytes and its one algorithm (RFC 7518 §3.4).</summary>
    public static readonly IReadOnlyDictionary<string, (int CoordinateBytes, string Algorithm)> Curves =
        new Dictionary<string, (int, string)>(StringComparer.Ordinal)
        {
            [JsonWebKeyECTypes.P256] = (32, SecurityAlgorithms.EcdsaSha256),
            [JsonWebKeyECTypes.P384] = (48, SecurityAlgorithms.EcdsaSha384),
            [JsonWebKeyECTypes.P521] = (66, SecurityAlgorithms.EcdsaSha512),
        };

    public static readonly string[] All = [.. Rsa, .. Curves.Values.Select(c => c.Algorithm)];
}
