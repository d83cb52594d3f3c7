using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.Benchmarks;

/// <summary>
/// Formats the comparison and writes it to <c>bench/results/tokenservice-token-endpoint.md</c> (the latest run, for
/// people) and <c>bench/results/tokenservice-&lt;time&gt;.json</c> (every run, for <c>./bench.sh</c>'s summary).
/// </summary>
internal static class BenchmarkReport
{
    public static string Write(LoadResult bare, LoadResult service, LoadResult federated, int seconds, int concurrency)
    {
        var ratio = service.RequestsPerSecond / bare.RequestsPerSecond;
        var federationRatio = federated.RequestsPerSecond / service.RequestsPerSecond;
        var text = new StringBuilder()
            .AppendLine("# Token endpoint benchmark")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:u} on {Environment.ProcessorCount} cores; {concurrency} concurrent clients; 2 rounds x {seconds} s each, alternating, after 3 s warm-up each.")
            .AppendLine("Token service: client_credentials + client_secret_basic, real PostgreSQL and Redis (rate-limit counters), identity cache warm, log level Warning.")
            .AppendLine("Federated: the same identity and request, authenticated by a Kubernetes-style service-account token (RS256) of an issuer on loopback, with client_id; keys from its discovered JWKS, cached.")
            .AppendLine("Bare: the same process, the same AccessTokenIssuer (same claims, same RS256 key), form read, same JSON writer; no authentication, no checks.")
            .AppendLine()
            .AppendLine("| endpoint | req/s | p50 ms | p99 ms | failed |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(Row("bare signer", bare))
            .AppendLine(Row("/connect/token", service))
            .AppendLine(Row("/connect/token (federated)", federated))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**Ratio: {ratio:P1} of the bare rate** (aim: at least 70 %).")
            .AppendLine(CultureInfo.InvariantCulture, $"**Federated assertion: {federationRatio:P1} of the client-secret rate.**")
            .ToString();
        var directory = Path.Combine(RepositoryLayout.Root, "bench", "results");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "tokenservice-token-endpoint.md"), text);
        var at = DateTimeOffset.UtcNow;
        var json = new JsonObject
        {
            ["benchmark"] = "tokenservice",
            ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = seconds,
            ["concurrency"] = concurrency,
            ["baseline"] = Json("bare signer", bare),
            ["measured"] = Json("/connect/token (client_secret_basic)", service),
            ["ratio"] = Math.Round(ratio, 4),
            ["aim"] = 0.70,
            ["federated"] = Json("/connect/token (federated assertion)", federated),
            ["federatedRatio"] = Math.Round(federationRatio, 4),
        };
        File.WriteAllText(Path.Combine(directory, $"tokenservice-{at:yyyyMMdd'T'HHmmss'Z'}.json"),
            json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return text;
    }

    private static JsonObject Json(string name, LoadResult result) => new()
    {
        ["name"] = name,
        ["requestsPerSecond"] = Math.Round(result.RequestsPerSecond, 1),
        ["p50Ms"] = Math.Round(result.Percentile(50), 2),
        ["p99Ms"] = Math.Round(result.Percentile(99), 2),
        ["failed"] = result.Failed,
    };

    private static string Row(string name, LoadResult result) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {result.RequestsPerSecond:F0} | {result.Percentile(50):F2} | {result.Percentile(99):F2} | {result.Failed} |");
}
