using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.TokenService.RateLimiting;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>
/// Guessing secrets from one source address: invalid_client until the source's failure budget is spent, then 429 with
/// Retry-After for everything from that source (the right secret too, so a guess that happens to be right tells the
/// attacker nothing), while the same client from another address is still served.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class BruteForceTests(SecurityPlatform platform)
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.77");

    /// <summary>A guess with our secrets' shape and a valid checksum, so it costs the server a real comparison.</summary>
    private static string WellFormedGuess()
    {
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return "nhi_sk_" + random + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(random)).AsSpan(0, 4));
    }

    /// <summary>Windows are fixed (aligned to the epoch): start early in one, so the whole run is counted in it.</summary>
    private static async Task StayInOneWindowAsync(TimeSpan window)
    {
        var left = window - TimeSpan.FromTicks(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * TimeSpan.TicksPerMillisecond % window.Ticks);
        if (left < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(200));
        }
    }

    [Fact]
    public async Task WrongSecrets_OverTheSourceLimit_Are429_AndTheRightSecretIsRefusedFromThatSourceOnly()
    {
        var options = platform.Tokens.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var limit = options.FailedAuthenticationsPerSource;
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var attacker = platform.ClientFrom(Attacker);
        using var attackerHttp = attacker.Http;
        await StayInOneWindowAsync(options.Window);

        for (var i = 0; i < limit; i++)
        {
            var guess = i % 2 == 0 ? WellFormedGuess() : $"password{i}";
            platform.Sensitive.AddSecret(guess);
            using var refused = await attacker.RequestTokenAsync(clientId, guess, NhiScopes.EchoRead);
            await OAuthAssert.ErrorAsync(refused, HttpStatusCode.Unauthorized, "invalid_client");
        }

        var last = WellFormedGuess();
        platform.Sensitive.AddSecret(last);
        using var limited = await attacker.RequestTokenAsync(clientId, last, NhiScopes.EchoRead);
        await OAuthAssert.TooManyRequestsAsync(limited);

        using var rightSecret = await attacker.RequestTokenAsync(clientId, secret, NhiScopes.EchoRead);
        await OAuthAssert.TooManyRequestsAsync(rightSecret);

        using var introspection = await attacker.PostFormAsync("/connect/introspect", new() { ["token"] = "x" }, (clientId, secret));
        await OAuthAssert.TooManyRequestsAsync(introspection);

        using var elsewhere = await platform.Client.RequestTokenAsync(clientId, secret, NhiScopes.EchoRead);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }
}
