using System.Text.RegularExpressions;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// Log lines that leak a credential: any secret, token or basic-credentials value the suite handled, or anything shaped
/// like a JWT in compact form (an access token or a client assertion, whoever issued it).
/// </summary>
internal static partial class LogScan
{
    public static IReadOnlyList<string> FindLeaks(IEnumerable<string> lines, IssuedSecrets secrets)
    {
        var leaks = new List<string>();
        foreach (var line in lines)
        {
            foreach (var (value, description) in secrets.Values)
            {
                if (line.Contains(value, StringComparison.Ordinal))
                {
                    leaks.Add($"{description} in: {Redact(line, value)}");
                }
            }

            if (CompactJwt().IsMatch(line))
            {
                leaks.Add($"a compact JWT in: {CompactJwt().Replace(line, "<jwt>")}");
            }
        }

        return leaks;
    }

    private static string Redact(string line, string value)
    {
        var text = line.Replace(value, "<redacted>", StringComparison.Ordinal);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    /// <summary>Header and payload are base64url JSON objects ("eyJ" is "{\""), then a signature segment.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex CompactJwt();
}
