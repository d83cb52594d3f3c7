using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Gateway.IntegrationTests.Attacks;

/// <summary>The JWT attack corpus: each case builds a token that must be refused (401 invalid_token, or 403 for scope look-alikes).</summary>
internal static class AttackCases
{
    private static readonly RSA Attacker = RSA.Create(2048);

    public static readonly IReadOnlyDictionary<string, (Func<StubKeysGateway, string> Token, int Status)> All =
        new Dictionary<string, (Func<StubKeysGateway, string>, int)>
        {
            ["alg-none"] = (_ => Jwt.Unsigned(Jwt.Header("none", kid: null), Jwt.Payload()), 401),
            ["alg-None-mixed-case"] = (_ => Jwt.Unsigned(Jwt.Header("None", kid: null), Jwt.Payload()), 401),
            ["alg-none-with-kid"] = (_ => Jwt.Unsigned(Jwt.Header("none"), Jwt.Payload()), 401),
            ["alg-none-keeping-valid-signature"] = (g => WithHeader(Valid(g), Jwt.Header("none")), 401),
            ["hs256-signed-with-public-key-pem"] = (g => Jwt.Hs256(Encoding.ASCII.GetBytes(g.Rsa.ExportSubjectPublicKeyInfoPem()), Jwt.Header("HS256"), Jwt.Payload()), 401),
            ["hs256-signed-with-public-key-der"] = (g => Jwt.Hs256(g.Rsa.ExportSubjectPublicKeyInfo(), Jwt.Header("HS256"), Jwt.Payload()), 401),
            ["hs256-signed-with-modulus"] = (g => Jwt.Hs256(g.Rsa.ExportParameters(false).Modulus!, Jwt.Header("HS256"), Jwt.Payload()), 401),
            ["rs512-not-pinned"] = (g => Jwt.Rs256(g.Rsa, Jwt.Header("RS512"), Jwt.Payload(), HashAlgorithmName.SHA512), 401),
            ["ps256-not-pinned"] = (g => PssSigned(g.Rsa), 401),
            ["unknown-kid"] = (_ => Jwt.Rs256(Attacker, Jwt.Header(kid: "unknown"), Jwt.Payload()), 401),
            ["no-kid-attacker-key"] = (_ => Jwt.Rs256(Attacker, Jwt.Header(kid: null), Jwt.Payload()), 401),
            ["trusted-kid-attacker-key"] = (_ => Jwt.Rs256(Attacker, Jwt.Header(), Jwt.Payload()), 401),
            ["kid-path-traversal"] = (_ => Jwt.Rs256(Attacker, Jwt.Header(kid: "../../../../dev/null"), Jwt.Payload()), 401),
            ["kid-sql-injection"] = (_ => Jwt.Rs256(Attacker, Jwt.Header(kid: "x' OR '1'='1"), Jwt.Payload()), 401),
            ["injected-jku"] = (_ => Jwt.Rs256(Attacker, With(Jwt.Header(kid: "attacker"), "jku", "https://attacker.example/jwks.json"), Jwt.Payload()), 401),
            ["injected-x5u"] = (_ => Jwt.Rs256(Attacker, With(Jwt.Header(kid: "attacker"), "x5u", "https://attacker.example/cert.pem"), Jwt.Payload()), 401),
            ["injected-jwk"] = (_ => Jwt.Rs256(Attacker, With(Jwt.Header(kid: "attacker"), "jwk", AttackerJwk()), Jwt.Payload()), 401),
            ["injected-jwk-with-trusted-kid"] = (_ => Jwt.Rs256(Attacker, With(Jwt.Header(), "jwk", AttackerJwk()), Jwt.Payload()), 401),
            ["expired"] = (g => Signed(g, p => { p["exp"] = Now() - 120; p["iat"] = Now() - 600; p["nbf"] = Now() - 600; }), 401),
            ["no-exp"] = (g => Signed(g, p => p.Remove("exp")), 401),
            ["exp-not-a-number"] = (g => Signed(g, p => p["exp"] = "never"), 401),
            ["nbf-in-future"] = (g => Signed(g, p => p["nbf"] = Now() + 120), 401),
            ["typ-jwt"] = (g => Jwt.Rs256(g.Rsa, Jwt.Header(typ: "JWT"), Jwt.Payload()), 401),
            ["typ-missing"] = (g => Jwt.Rs256(g.Rsa, Jwt.Header(typ: null), Jwt.Payload()), 401),
            ["typ-id-token"] = (g => Jwt.Rs256(g.Rsa, Jwt.Header(typ: "id_token+jwt"), Jwt.Payload()), 401),
            ["wrong-aud"] = (g => Signed(g, p => p["aud"] = "other-api"), 401),
            ["no-aud"] = (g => Signed(g, p => p.Remove("aud")), 401),
            ["wrong-iss"] = (g => Signed(g, p => p["iss"] = "https://evil.example"), 401),
            ["no-iss"] = (g => Signed(g, p => p.Remove("iss")), 401),
            ["tampered-payload-scope"] = (g => WithPayload(Valid(g, "nhi.read"), Jwt.Payload("echo.read nhi.admin")), 401),
            ["tampered-signature"] = (g => FlipLastSignatureChar(Valid(g)), 401),
            ["signature-stripped"] = (g => string.Join('.', Valid(g).Split('.')[..2]) + ".", 401),
            ["truncated-two-segments"] = (g => string.Join('.', Valid(g).Split('.')[..2]), 401),
            ["truncated-mid-signature"] = (g => Valid(g)[..^20], 401),
            ["jwe-shaped"] = (_ => "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d", 401),
            ["oversized"] = (g => Signed(g, p => p["padding"] = new string('x', 10 * 1024)), 401),
            ["es256-key-with-rs256-alg"] = (g => Jwt.Rs256(Attacker, Jwt.Header(kid: StubKeysGateway.EcKeyId), Jwt.Payload()), 401),
            ["foreign-issuer-own-valid-signature"] = (_ => Jwt.Rs256(Attacker, Jwt.Header(kid: "foreign-1"),
                new Dictionary<string, object?>(Jwt.Payload()) { ["iss"] = "https://shadow-idp.example" }), 401),
            ["scope-lookalike-suffix"] = (g => Valid(g, "echo.read2"), 403),
            ["scope-lookalike-case"] = (g => Valid(g, "ECHO.READ"), 403),
            ["scope-lookalike-prefix"] = (g => Valid(g, "echo.rea"), 403),
            ["scope-lookalike-comma-list"] = (g => Valid(g, "echo.read,nhi.read"), 403),
            ["scope-lookalike-wrapped"] = (g => Valid(g, "xecho.readx"), 403),
        };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Valid(StubKeysGateway gateway, string scope = "echo.read") => Jwt.Rs256(gateway.Rsa, Jwt.Header(), Jwt.Payload(scope));

    private static string Signed(StubKeysGateway gateway, Action<Dictionary<string, object?>> bend)
    {
        var payload = Jwt.Payload();
        bend(payload);
        return Jwt.Rs256(gateway.Rsa, Jwt.Header(), payload);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> header, string name, object value)
    {
        header[name] = value;
        return header;
    }

    private static Dictionary<string, object?> AttackerJwk()
    {
        var parameters = Attacker.ExportParameters(false);
        return new() { ["kty"] = "RSA", ["kid"] = "attacker", ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent) };
    }

    private static string WithHeader(string token, object header)
    {
        var parts = token.Split('.');
        return $"{Jwt.SigningInput(header, new { })[..Jwt.SigningInput(header, new { }).IndexOf('.')]}.{parts[1]}.{parts[2]}";
    }

    private static string WithPayload(string token, object payload)
    {
        var parts = token.Split('.');
        var input = Jwt.SigningInput(new { }, payload);
        return $"{parts[0]}.{input[(input.IndexOf('.') + 1)..]}.{parts[2]}";
    }

    private static string FlipLastSignatureChar(string token) => token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

    private static string PssSigned(RSA key)
    {
        var input = Jwt.SigningInput(Jwt.Header("PS256"), Jwt.Payload());
        return $"{input}.{Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pss))}";
    }
}
