using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Federation;

/// <summary>
/// A real external token issuer on loopback (Kestrel, port 0), as a Kubernetes API server, GitHub Actions or a SPIFFE
/// server would be: OIDC discovery and a JWKS over HTTP with keys it generates, and tokens shaped like theirs. It counts
/// JWKS fetches (to see caching) and can rotate its key; with discovery off it serves nothing (keys must be pinned).
/// </summary>
public sealed class ExternalIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _jwksRequests;
    private IssuerKey _key = IssuerKey.Create();

    private ExternalIssuer(WebApplication app, bool discovery)
    {
        _app = app;
        if (discovery)
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = Issuer + "/openid/v1/jwks",
                ["response_types_supported"] = new[] { "id_token" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            app.MapGet("/openid/v1/jwks", () =>
            {
                Interlocked.Increment(ref _jwksRequests);
                return Results.Text(JwksJson, "application/json");
            });
        }
    }

    /// <summary>The issuer URL, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>How many times the JWKS was fetched.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public string KeyId => _key.KeyId;

    /// <summary>The current public keys as a JWKS document (what a pinned credential carries).</summary>
    public string JwksJson => JsonSerializer.Serialize(new { keys = new[] { _key.PublicJwk() } });

    public static async Task<ExternalIssuer> StartAsync(bool discovery = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var issuer = new ExternalIssuer(builder.Build(), discovery);
        await issuer._app.StartAsync();
        issuer.Issuer = issuer._app.Urls.First().TrimEnd('/');
        return issuer;
    }

    /// <summary>A new signing key with a new kid; tokens signed with the old one no longer verify.</summary>
    public void RotateKey()
    {
        var old = _key;
        _key = IssuerKey.Create();
        old.Dispose();
    }

    /// <summary>A signed token of this issuer. <paramref name="issuedAt"/> defaults to now; <paramref name="lifetime"/> to ten minutes.</summary>
    public string Mint(string subject, string audience, IReadOnlyDictionary<string, object>? claims = null, DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null, DateTimeOffset? notBefore = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = subject,
            ["aud"] = audience,
            ["iat"] = iat.ToUnixTimeSeconds(),
            ["nbf"] = (notBefore ?? iat).ToUnixTimeSeconds(),
            ["exp"] = (iat + (lifetime ?? TimeSpan.FromMinutes(10))).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        foreach (var (name, value) in claims ?? new Dictionary<string, object>())
        {
            payload[name] = value;
        }

        return _key.Sign(payload);
    }

    /// <summary>A Kubernetes projected service-account token (<c>system:serviceaccount:&lt;ns&gt;:&lt;name&gt;</c>).</summary>
    public string KubernetesToken(string ns, string serviceAccount, string audience) =>
        Mint($"system:serviceaccount:{ns}:{serviceAccount}", audience, new Dictionary<string, object>
        {
            ["kubernetes.io"] = new Dictionary<string, object>
            {
                ["namespace"] = ns,
                ["serviceaccount"] = new Dictionary<string, string> { ["name"] = serviceAccount, ["uid"] = Guid.NewGuid().ToString() },
                ["pod"] = new Dictionary<string, string> { ["name"] = $"{serviceAccount}-7d9f8", ["uid"] = Guid.NewGuid().ToString() },
            },
        }, lifetime: TimeSpan.FromHours(1));

    /// <summary>A GitHub Actions OIDC token for a job in an environment (<c>repo:&lt;org&gt;/&lt;repo&gt;:environment:&lt;env&gt;</c>).</summary>
    public string GitHubActionsToken(string owner, string repository, string environment, string audience) =>
        Mint($"repo:{owner}/{repository}:environment:{environment}", audience, new Dictionary<string, object>
        {
            ["repository"] = $"{owner}/{repository}",
            ["repository_owner"] = owner,
            ["environment"] = environment,
            ["ref"] = "refs/heads/main",
            ["workflow"] = "deploy",
            ["event_name"] = "push",
        }, lifetime: TimeSpan.FromMinutes(5));

    /// <summary>A SPIFFE JWT-SVID (<c>spiffe://trust-domain/path</c> as sub).</summary>
    public string SpiffeSvid(string spiffeId, string audience) => Mint(spiffeId, audience, lifetime: TimeSpan.FromMinutes(5));

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public string Unsigned(string subject, string audience)
    {
        var signed = Mint(subject, audience).Split('.');
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "none", ["typ"] = "JWT" }));
        return $"{header}.{signed[1]}.";
    }

    /// <summary>A token naming this issuer but signed with a key it never published (by default under its real key's kid).</summary>
    public string ForeignKeyToken(string subject, string audience, string? keyId = null)
    {
        using var foreign = IssuerKey.Create(keyId ?? _key.KeyId);
        var valid = Mint(subject, audience).Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlDecode(valid[1]))!;
        return foreign.Sign(payload);
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    /// <summary>An RS256 key with its kid.</summary>
    private sealed class IssuerKey(RSA rsa, string keyId) : IDisposable
    {
        public string KeyId => keyId;

        public static IssuerKey Create(string? keyId = null) => new(RSA.Create(2048), keyId ?? Guid.NewGuid().ToString("N")[..16]);

        public Dictionary<string, string> PublicJwk()
        {
            var parameters = rsa.ExportParameters(false);
            return new() { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = keyId, ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!) };
        }

        public string Sign(Dictionary<string, object> payload)
        {
            var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = keyId }));
            var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
            var signature = rsa.SignData(System.Text.Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return $"{header}.{body}.{Base64Url(signature)}";
        }

        public void Dispose() => rsa.Dispose();
    }
}
