using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.Testing.Hosting;

namespace NhiPlatform.Security.Tests.Logging;

/// <summary>
/// Requests an anonymous client breaks off halfway (half a body, then a close or a reset), through the gateway and
/// straight to the token service: each service logs them in short lines, never a stack trace, whatever it logs at.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class BrokenOffRequestTests(SecurityPlatform platform)
{
    private const int Requests = 4;
    private const int MaxLineLength = 1000;

    [Fact]
    public async Task RequestsBrokenOffHalfway_AreShortLinesWithoutStackTraces()
    {
        var targets = new Dictionary<string, Uri>
        {
            [NhiResources.Gateway] = Loopback(platform.GatewayAddress),
            [NhiResources.Tokens] = Loopback(new Uri(platform.Platform.Endpoints.Tokens)),
        };
        var before = new Dictionary<string, int>();
        foreach (var (service, _) in targets)
        {
            before[service] = (await platform.Logs.ReadAsync(service)).Count;
        }

        foreach (var (_, address) in targets)
        {
            for (var i = 0; i < Requests; i++)
            {
                await AbortingClient.SendHalfBodyAsync(address, "POST", "/connect/token",
                    new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" }, reset: i % 2 == 0);
            }
        }

        // The services log on their own time: give them a moment, then read everything written since.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var (service, _) in targets)
        {
            var lines = (await platform.Logs.ReadAsync(service)).Skip(before[service]).Select(line => line.Text).ToList();
            Assert.NotEmpty(lines);
            Assert.DoesNotContain(lines, line => line.StartsWith("   at ", StringComparison.Ordinal) || line.Contains("\n   at ", StringComparison.Ordinal));
            var tooLong = lines.Where(line => line.Length > MaxLineLength).ToList();
            Assert.True(tooLong.Count == 0, $"{service}: {tooLong.Count} line(s) over {MaxLineLength} characters, the first: {tooLong.FirstOrDefault()}");
        }
    }

    private static Uri Loopback(Uri address) => new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
}
