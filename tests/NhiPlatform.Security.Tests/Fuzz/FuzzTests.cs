using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.Testing.Hosting;
using Xunit.Abstractions;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>
/// 10,000 malformed requests across every public endpoint of the gateway, eight at a time: none is answered with a 5xx
/// or left unanswered, and every service is healthy afterwards. The seed is fixed and printed, so a failure reproduces.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class FuzzTests(SecurityPlatform platform, ITestOutputHelper output)
{
    /// <summary>Fixed, so CI runs the same requests every time; <c>NHI_FUZZ_SEED</c> explores (or reproduces) another run.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("NHI_FUZZ_SEED"), out var seed) ? seed : 20261123;
    private const int Requests = 10_000;
    private const int Concurrency = 8;
    private static readonly IPAddress Source = IPAddress.Parse("127.0.0.66");

    [Fact]
    public async Task MalformedRequests_NeverGetA5xx_AndEveryServiceStaysHealthy()
    {
        var fuzzer = await platform.Client.RegisterAsync([NhiScopes.Admin, NhiScopes.Read, NhiScopes.EchoRead]);
        var token = await platform.Client.TokenAsync(fuzzer.ClientId, fuzzer.Secret);
        var targets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            targets.Add((await platform.Client.RegisterAsync(NhiScopes.EchoRead)).ClientId);
        }

        var generator = new FuzzRequestGenerator(Seed, token, targets);
        var outcome = new FuzzOutcome();
        var next = -1;
        using var client = SourceAddressClient.Create(platform.GatewayAddress, Source, TimeSpan.FromSeconds(20), latin1Headers: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Concurrency), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, _) =>
        {
            while (true)
            {
                var request = generator.Create(Interlocked.Increment(ref next));
                HttpRequestMessage message;
                try
                {
                    message = request.ToMessage(client.BaseAddress!);
                }
                catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
                {
                    outcome.RefusedOne();
                    continue;
                }

                if (!outcome.TryStartOne(Requests))
                {
                    message.Dispose();
                    return;
                }

                await SendAsync(client, message, request, outcome);
            }
        });
        output.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:F1} s (seed {Seed}, {outcome.RefusedByClient} refused by the client, "
            + $"{outcome.RefusedBeforeBody} refused by the server before their body was read); statuses: "
            + string.Join(", ", outcome.StatusCounts.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));

        Assert.True(outcome.ServerErrors.Count == 0,
            $"{outcome.ServerErrors.Count} request(s) got a 5xx. The first:\n{outcome.ServerErrors.FirstOrDefault()}");
        Assert.True(outcome.TransportErrors.Count == 0,
            $"{outcome.TransportErrors.Count} request(s) got no answer. The first:\n{outcome.TransportErrors.FirstOrDefault()}");
        foreach (var service in platform.ServiceAddresses)
        {
            using var health = new HttpClient { BaseAddress = service };
            using var response = await health.GetAsync("/health");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service}/health: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task SendAsync(HttpClient client, HttpRequestMessage message, FuzzRequest request, FuzzOutcome outcome)
    {
        using (message)
        {
            try
            {
                using var response = await client.SendAsync(message);
                await RecordAsync(response, request, outcome);
            }
            catch (Exception exception) when (request.Body is not null && exception is HttpRequestException { InnerException: IOException })
            {
                await SendAgainAnnouncingTheBodyAsync(client, request, outcome, exception);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                outcome.Failed($"{request.Describe(Seed)}\n  {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}");
            }
        }
    }

    /// <summary>
    /// The connection broke while the body was being written. A server may refuse a request from its headers alone
    /// (Kestrel does, with 400 and <c>Connection: close</c>, for a header it cannot read) and close without reading a
    /// large body: the client's write then fails before it reads the answer. Sent again with
    /// <c>Expect: 100-continue</c>, the request is answered from its headers, before any body is sent: that answer is
    /// what the first attempt got, and it must be a 4xx. Anything else (no answer again, a 5xx, a 2xx or 3xx that
    /// would have read the body) is a failure of the run.
    /// </summary>
    private async Task SendAgainAnnouncingTheBodyAsync(HttpClient client, FuzzRequest request, FuzzOutcome outcome, Exception first)
    {
        var described = $"{request.Describe(Seed)}\n  first attempt: {first.GetType().Name}: {first.Message} {first.InnerException?.Message}";
        using var message = request.ToMessage(client.BaseAddress!);
        message.Headers.ExpectContinue = true;
        try
        {
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            if (status is >= 400 and < 500)
            {
                outcome.RefusedBeforeItsBody();
                await RecordAsync(response, request, outcome);
            }
            else
            {
                outcome.Failed($"{described}\n  sent again with Expect: 100-continue: {status} {Excerpt(await response.Content.ReadAsStringAsync())}");
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            outcome.Failed($"{described}\n  sent again with Expect: 100-continue: {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}");
        }
    }

    private async Task RecordAsync(HttpResponseMessage response, FuzzRequest request, FuzzOutcome outcome)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            // Whatever it was handed (a secret for an identity the fuzz managed to create, a token) is looked for in the logs.
            platform.Sensitive.AddFromResponse(body);
        }

        outcome.Answered((int)response.StatusCode,
            () => $"{request.Describe(Seed)}\n  answer: {(int)response.StatusCode} {Excerpt(body)}");
    }

    private static string Excerpt(string body) => body.Length <= 400 ? body : body[..400] + "…";
}
