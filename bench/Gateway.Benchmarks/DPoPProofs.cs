using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Gateway.Benchmarks;

/// <summary>
/// Benchmark only: a DPoP key, an access token bound to it (from the stub token service) and <c>count</c> proofs for one
/// URL, one per line, each with its own jti (the gateway refuses a proof twice). Made before a run so that the load
/// generator only reads them: the run measures the gateway's checking, not the client's signing.
/// </summary>
internal static class DPoPProofs
{
    public static async Task<int> RunAsync(string tokensUrl, string url, int count, string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var securityKey = new ECDsaSecurityKey(key);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(securityKey);
        var thumbprint = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        using var http = new HttpClient();
        var token = await http.GetStringAsync($"{tokensUrl.TrimEnd('/')}/bench/token?alg=ES256&jkt={thumbprint}");
        var header = new Dictionary<string, object> { ["jwk"] = new Dictionary<string, object> { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = jwk.X, ["y"] = jwk.Y } };
        var ath = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
        var iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var proofs = new string[count];
        Parallel.For(0, count, () => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }, (i, _, handler) =>
        {
            proofs[i] = handler.CreateToken(new SecurityTokenDescriptor
            {
                TokenType = "dpop+jwt",
                AdditionalHeaderClaims = header,
                SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.EcdsaSha256),
                Claims = new Dictionary<string, object>
                {
                    ["jti"] = i.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"),
                    ["htm"] = "GET",
                    ["htu"] = url,
                    ["iat"] = iat,
                    ["ath"] = ath,
                },
            });
            return handler;
        }, _ => { });
        await File.WriteAllTextAsync(Path.Combine(directory, "dpop-token"), token);
        await File.WriteAllLinesAsync(Path.Combine(directory, "dpop-proofs"), proofs);
        return 0;
    }
}
