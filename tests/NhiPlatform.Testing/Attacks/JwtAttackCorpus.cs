using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NhiPlatform.Testing.Attacks;

/// <summary>
/// The JWT attack corpus, shared by the gateway's integration tests (stub keys) and the security suite (the whole
/// platform): each case forges or bends a token that a gateway must refuse with 401 <c>invalid_token</c>, or 403
/// <c>insufficient_scope</c> for a scope that only looks like the route's.
/// </summary>
public static class JwtAttackCorpus
{
    private static readonly RSA Attacker = RSA.Create(2048);
    private static readonly ECDsa AttackerEc = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static IReadOnlyList<AttackCase> Cases { get; } =
    [
        new("alg-none", t => Jwt.Unsigned(Jwt.Header("none", kid: null), Jwt.Payload(t)), 401),
        new("alg-None-mixed-case", t => Jwt.Unsigned(Jwt.Header("None", kid: null), Jwt.Payload(t)), 401),
        new("alg-none-with-kid", t => Jwt.Unsigned(Jwt.Header("none", t.RsaKeyId), Jwt.Payload(t)), 401),
        new("alg-none-keeping-valid-signature", t => WithHeader(t.Valid(), Jwt.Header("none", t.RsaKeyId)), 401),
        new("hs256-signed-with-public-key-pem", t => Jwt.Hs256(Encoding.ASCII.GetBytes(t.Rsa.ExportSubjectPublicKeyInfoPem()), Jwt.Header("HS256", t.RsaKeyId), Jwt.Payload(t)), 401),
        new("hs256-signed-with-public-key-der", t => Jwt.Hs256(t.Rsa.ExportSubjectPublicKeyInfo(), Jwt.Header("HS256", t.RsaKeyId), Jwt.Payload(t)), 401),
        new("hs256-signed-with-modulus", t => Jwt.Hs256(t.Rsa.ExportParameters(false).Modulus!, Jwt.Header("HS256", t.RsaKeyId), Jwt.Payload(t)), 401),
        new("rs512-not-pinned", t => Jwt.Rs256(t.Rsa, Jwt.Header("RS512", t.RsaKeyId), Jwt.Payload(t), HashAlgorithmName.SHA512), 401),
        new("ps256-not-pinned", t => Jwt.Ps256(t.Rsa, Jwt.Header("PS256", t.RsaKeyId), Jwt.Payload(t)), 401),
        new("unknown-kid", t => Jwt.Rs256(Attacker, Jwt.Header("RS256", "unknown"), Jwt.Payload(t)), 401),
        new("no-kid-attacker-key", t => Jwt.Rs256(Attacker, Jwt.Header("RS256", kid: null), Jwt.Payload(t)), 401),
        new("trusted-kid-attacker-key", t => Jwt.Rs256(Attacker, Jwt.Header("RS256", t.RsaKeyId), Jwt.Payload(t)), 401),
        new("kid-path-traversal", t => Jwt.Rs256(Attacker, Jwt.Header("RS256", "../../../../dev/null"), Jwt.Payload(t)), 401),
        new("kid-sql-injection", t => Jwt.Rs256(Attacker, Jwt.Header("RS256", "x' OR '1'='1"), Jwt.Payload(t)), 401),
        new("injected-jku", t => Jwt.Rs256(Attacker, With(Jwt.Header("RS256", "attacker"), "jku", "https://attacker.example/jwks.json"), Jwt.Payload(t)), 401),
        new("injected-x5u", t => Jwt.Rs256(Attacker, With(Jwt.Header("RS256", "attacker"), "x5u", "https://attacker.example/cert.pem"), Jwt.Payload(t)), 401),
        new("injected-jwk", t => Jwt.Rs256(Attacker, With(Jwt.Header("RS256", "attacker"), "jwk", AttackerJwk()), Jwt.Payload(t)), 401),
        new("injected-jwk-with-trusted-kid", t => Jwt.Rs256(Attacker, With(Jwt.Header("RS256", t.RsaKeyId), "jwk", AttackerJwk()), Jwt.Payload(t)), 401),
        new("expired", t => Signed(t, p => { p["exp"] = Now() - 120; p["iat"] = Now() - 600; p["nbf"] = Now() - 600; }), 401),
        new("no-exp", t => Signed(t, p => p.Remove("exp")), 401),
        new("exp-not-a-number", t => Signed(t, p => p["exp"] = "never"), 401),
        new("nbf-in-future", t => Signed(t, p => p["nbf"] = Now() + 120), 401),
        new("typ-jwt", t => Jwt.Rs256(t.Rsa, Jwt.Header("RS256", t.RsaKeyId, typ: "JWT"), Jwt.Payload(t)), 401),
        new("typ-missing", t => Jwt.Rs256(t.Rsa, Jwt.Header("RS256", t.RsaKeyId, typ: null), Jwt.Payload(t)), 401),
        new("typ-id-token", t => Jwt.Rs256(t.Rsa, Jwt.Header("RS256", t.RsaKeyId, typ: "id_token+jwt"), Jwt.Payload(t)), 401),
        new("wrong-aud", t => Signed(t, p => p["aud"] = "other-api"), 401),
        new("no-aud", t => Signed(t, p => p.Remove("aud")), 401),
        new("wrong-iss", t => Signed(t, p => p["iss"] = "https://evil.example"), 401),
        new("no-iss", t => Signed(t, p => p.Remove("iss")), 401),
        new("tampered-payload-scope", t => WithPayload(t.Valid("nhi.read"), Jwt.Payload(t, $"{t.RouteScope} nhi.admin")), 401),
        new("tampered-signature", t => FlipLastSignatureChar(t.Valid()), 401),
        new("signature-stripped", t => string.Join('.', t.Valid().Split('.')[..2]) + ".", 401),
        new("truncated-two-segments", t => string.Join('.', t.Valid().Split('.')[..2]), 401),
        new("truncated-mid-signature", t => t.Valid()[..^20], 401),
        new("jwe-shaped", _ => "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", 401),
        new("oversized", t => Signed(t, p => p["padding"] = new string('x', 10 * 1024)), 401),
        // With a trusted EC key: an RSA signature aimed at it. Without one: an EC signature claiming the trusted RSA key.
        new("key-type-confusion", t => t.EcKeyId is { } ecKid
            ? Jwt.Rs256(Attacker, Jwt.Header("RS256", ecKid), Jwt.Payload(t))
            : Jwt.Es256(AttackerEc, Jwt.Header("ES256", t.RsaKeyId), Jwt.Payload(t)), 401),
        new("foreign-issuer-own-valid-signature", t => Jwt.Rs256(Attacker, Jwt.Header("RS256", "foreign-1"),
            new Dictionary<string, object?>(Jwt.Payload(t)) { ["iss"] = "https://shadow-idp.example" }), 401),
        new("scope-lookalike-suffix", t => t.Valid(t.RouteScope + "2"), 403),
        new("scope-lookalike-case", t => t.Valid(t.RouteScope.ToUpperInvariant()), 403),
        new("scope-lookalike-prefix", t => t.Valid(t.RouteScope[..^1]), 403),
        new("scope-lookalike-comma-list", t => t.Valid(t.RouteScope + ",nhi.read"), 403),
        new("scope-lookalike-wrapped", t => t.Valid($"x{t.RouteScope}x"), 403),
    ];

    public static AttackCase Find(string name) => Cases.Single(c => c.Name == name);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Signed(AttackTarget target, Action<Dictionary<string, object?>> bend)
    {
        var payload = Jwt.Payload(target);
        bend(payload);
        return Jwt.Rs256(target.Rsa, Jwt.Header("RS256", target.RsaKeyId), payload);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> header, string name, object value)
    {
        header[name] = value;
        return header;
    }

    private static Dictionary<string, object?> AttackerJwk()
    {
        var parameters = Attacker.ExportParameters(false);
        return new() { ["kty"] = "RSA", ["kid"] = "attacker", ["n"] = Jwt.Encode(parameters.Modulus), ["e"] = Jwt.Encode(parameters.Exponent) };
    }

    private static string WithHeader(string token, object header) =>
        $"{Jwt.Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{token[(token.IndexOf('.') + 1)..]}";

    private static string WithPayload(string token, object payload)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Jwt.Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";
    }

    private static string FlipLastSignatureChar(string token) => token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
}
