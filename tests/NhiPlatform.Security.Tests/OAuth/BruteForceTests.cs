using System.Net;
using System.Security.Cryptography;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;
using NhiPlatform.Testing.Hosting;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>
/// Guessing a client's secret from one source address: invalid_client until the budget of that client id from that
/// source is spent, then 429 with Retry-After (the right secret too, so a guess that happens to be right tells the
/// attacker nothing), while the same client from another address and other clients from the same address are served.
/// The token service believes X-Forwarded-For from the gateway only, so a direct caller cannot pick whom it locks out.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class BruteForceTests(SecurityPlatform platform)
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.77");
    private static readonly IPAddress DirectCaller = IPAddress.Parse("127.0.0.78");
    private const string Victim = "127.0.0.1";

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
    public async Task WrongSecrets_OverTheLimit_Are429_AndTheRightSecretIsRefusedFromThatSourceOnly()
    {
        var limit = SecurityPlatform.FailedAuthenticationsPerClientAndSource;
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var attacker = platform.ClientFrom(Attacker);
        using var attackerHttp = attacker.Http;
        await StayInOneWindowAsync(SecurityPlatform.RateLimitWindow);

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

        var (otherClient, otherSecret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        using var otherClientFromThere = await attacker.RequestTokenAsync(otherClient, otherSecret, NhiScopes.EchoRead);
        Assert.Equal(HttpStatusCode.OK, otherClientFromThere.StatusCode);
    }

    [Fact]
    public async Task DirectCaller_WithAMadeUpForwardedFor_SpendsItsOwnBudget_NotTheAddressItNames()
    {
        var limit = SecurityPlatform.FailedAuthenticationsPerClientAndSource;
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);
        var direct = platform.Client.WithHttp(SourceAddressClient.Create(new Uri(platform.Platform.Endpoints.Tokens), DirectCaller));
        using var directHttp = direct.Http;
        await StayInOneWindowAsync(SecurityPlatform.RateLimitWindow);

        // It names the gateway's clients' address (the suite's own, 127.0.0.1) as the caller, every time.
        for (var i = 0; i <= limit; i++)
        {
            var guess = WellFormedGuess();
            platform.Sensitive.AddSecret(guess);
            using var refused = await direct.PostFormAsync("/connect/token", new() { ["grant_type"] = "client_credentials" }, (clientId, guess), Victim);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        using var directBlocked = await direct.PostFormAsync("/connect/token", new() { ["grant_type"] = "client_credentials" }, (clientId, secret), Victim);
        await OAuthAssert.TooManyRequestsAsync(directBlocked);
        using var victimServed = await platform.Client.RequestTokenAsync(clientId, secret, NhiScopes.EchoRead);
        Assert.Equal(HttpStatusCode.OK, victimServed.StatusCode);
    }
}
