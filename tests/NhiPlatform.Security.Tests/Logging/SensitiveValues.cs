using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NhiPlatform.Security.Tests.Logging;

/// <summary>
/// Every secret, access token and client assertion the suite saw issued or sent, with the parts of each that would
/// still be a leak on their own (a secret without its prefix, a JWT's payload or signature).
/// </summary>
internal sealed partial class SensitiveValues
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public IReadOnlyDictionary<string, string> All => _values;

    public void AddSecret(string secret)
    {
        _values.TryAdd(secret, "client secret");
        if (secret.StartsWith("nhi_sk_", StringComparison.Ordinal))
        {
            _values.TryAdd(secret["nhi_sk_".Length..], "client secret without its prefix");
        }
    }

    /// <summary>An access token or a client assertion (JWS compact form).</summary>
    public void AddJwt(string jwt, string kind)
    {
        _values.TryAdd(jwt, kind);
        foreach (var part in jwt.Split('.').Skip(1).Where(p => p.Length >= 16))
        {
            _values.TryAdd(part, $"{kind} (payload or signature)");
        }
    }

    /// <summary>Picks up whatever a response handed out (a secret from the admin API, a token from /connect/token).</summary>
    public void AddFromResponse(string body)
    {
        foreach (Match match in IssuedSecret().Matches(body))
        {
            AddSecret(match.Groups[1].Value);
        }

        foreach (Match match in IssuedToken().Matches(body))
        {
            AddJwt(match.Groups[1].Value, "access token");
        }
    }

    [GeneratedRegex("\"clientSecret\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex IssuedSecret();

    [GeneratedRegex("\"access_token\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex IssuedToken();
}
