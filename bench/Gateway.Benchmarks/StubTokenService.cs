using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts;

namespace NhiPlatform.Gateway.Benchmarks;

/// <summary>
/// Benchmark only: publishes discovery and a JWKS with one RS256 and one ES256 key, as the token service does, and mints
/// access tokens with them at <c>/bench/token?alg=RS256|ES256[&amp;jkt=...]</c> (long-lived, so a run never sees one expire;
/// with <c>jkt</c> DPoP-bound).
/// </summary>
internal static class StubTokenService
{
    public static async Task<int> RunAsync(int port, string issuer)
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rsaKey = new RsaSecurityKey(rsa) { KeyId = "bench-rs256" };
        var ecKey = new ECDsaSecurityKey(ec) { KeyId = "bench-es256" };
        var rsaPublic = rsa.ExportParameters(false);
        var ecPublic = ec.ExportParameters(false);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"{issuer}/.well-known/jwks.json",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
        }));
        app.MapGet("/.well-known/jwks.json", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new object[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = rsaKey.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(rsaPublic.Modulus), ["e"] = Base64UrlEncoder.Encode(rsaPublic.Exponent),
                },
                new Dictionary<string, string>
                {
                    ["kty"] = "EC", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = ecKey.KeyId, ["crv"] = "P-256",
                    ["x"] = Base64UrlEncoder.Encode(ecPublic.Q.X), ["y"] = Base64UrlEncoder.Encode(ecPublic.Q.Y),
                },
            },
        }));
        app.MapGet("/bench/token", (string alg, string? jkt) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = NhiClaims.AccessTokenType,
            Issuer = issuer,
            Audience = NhiAudiences.Gateway,
            Subject = new ClaimsIdentity([new Claim(NhiClaims.Subject, "bench-client")]),
            Claims = Claims(jkt),
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = alg == "ES256"
                ? new SigningCredentials(ecKey, SecurityAlgorithms.EcdsaSha256)
                : new SigningCredentials(rsaKey, SecurityAlgorithms.RsaSha256),
        }));
        await app.RunAsync();
        return 0;
    }

    /// <summary>The access token's claims; with <paramref name="jkt"/>, bound to that DPoP key (RFC 9449 §6.1 <c>cnf.jkt</c>).</summary>
    private static Dictionary<string, object> Claims(string? jkt)
    {
        var claims = new Dictionary<string, object>
        {
            [NhiClaims.ClientId] = "bench-client",
            [NhiClaims.Scope] = NhiScopes.EchoRead,
            [NhiClaims.TokenId] = Guid.NewGuid().ToString("N"),
        };
        if (!string.IsNullOrEmpty(jkt))
        {
            claims["cnf"] = new Dictionary<string, object> { ["jkt"] = jkt };
        }

        return claims;
    }
}
