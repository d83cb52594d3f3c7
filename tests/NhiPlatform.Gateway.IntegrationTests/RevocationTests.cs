using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit.Abstractions;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.Gateway.Authentication;
using NhiPlatform.Gateway.Revocation;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// The revocation contract (<see cref="NhiRevocation"/>) written directly to Redis, as the token service writes it, and its effect
/// on two gateway replicas. Propagation is measured on each replica's own revocation list (the thing under test), from the
/// moment the message is published, not by the wall time of unrelated HTTP work.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RevocationTests(LocalServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Requirement = TimeSpan.FromSeconds(1);
    private GatewayTestTopology _topology = null!;
    private ServiceHost<UsageOptions> _replica = null!;
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        _topology = await GatewayTestTopology.StartAsync(servers);
        _replica = _topology.StartReplica();
        _redis = await ConnectionMultiplexer.ConnectAsync(_topology.Environment.RedisConnectionString + ",allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _replica.DisposeAsync();
        await _topology.DisposeAsync();
    }

    private IEnumerable<(string Name, ServiceHost<UsageOptions> Host)> Replicas => [("replica-1", _topology.Gateway), ("replica-2", _replica)];

    private static async Task<HttpStatusCode> CallAsync(ServiceHost<UsageOptions> gateway, string path, string token)
    {
        using var client = gateway.CreateLoopbackClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    /// <summary>Publishes, then watches every replica's list until <paramref name="applied"/> holds; returns each replica's delay.</summary>
    private async Task<Dictionary<string, TimeSpan>> PublishAndMeasureAsync(RevocationMessage message, Func<RevocationList, bool> applied)
    {
        var lists = Replicas.ToDictionary(r => r.Name, r => r.Host.Services.GetRequiredService<RevocationList>());
        Assert.All(lists.Values, list => Assert.False(applied(list)));
        var delays = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(NhiRevocation.Channel),
            JsonSerializer.Serialize(message, RevocationJsonContext.Default.RevocationMessage));
        while (delays.Count < lists.Count && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var (name, list) in lists.Where(l => !delays.ContainsKey(l.Key) && applied(l.Value)))
            {
                delays[name] = clock.Elapsed;
            }

            await Task.Delay(1);
        }

        output.WriteLine(string.Join(", ", delays.Select(d => $"{d.Key}: {d.Value.TotalMilliseconds:F1} ms")));
        return delays;
    }

    [Fact]
    public async Task RevokedToken_DeniedOnTwoReplicasWithinOneSecond()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = await _topology.GetTokenAsync(clientId, secret, "echo.read");
        var other = await _topology.GetTokenAsync(clientId, secret, "echo.read");
        var jwt = new JsonWebToken(token);
        foreach (var (_, host) in Replicas)
        {
            Assert.Equal(HttpStatusCode.OK, await CallAsync(host, "/svc/echo/before-revoke", token));
        }

        // The contract: store first (sorted set, score = exp), then publish.
        await _redis.GetDatabase().SortedSetAddAsync(NhiRevocation.RevokedTokensKey, jwt.Id, new DateTimeOffset(jwt.ValidTo).ToUnixTimeSeconds());
        var delays = await PublishAndMeasureAsync(
            new RevocationMessage { Kind = RevocationMessage.TokenKind, TokenId = jwt.Id, ExpiresAt = new DateTimeOffset(jwt.ValidTo) },
            list => list.IsTokenRevoked(jwt.Id));

        Assert.Equal(2, delays.Count);
        Assert.All(delays.Values, delay => Assert.True(delay < Requirement, $"propagation took {delay.TotalMilliseconds} ms"));
        var reached = _topology.EchoRequests.Count("/revoked");
        foreach (var (_, host) in Replicas)
        {
            // The token was validated (and cached as valid) before the revocation: the cache must not let it through.
            var cache = host.Services.GetRequiredService<ValidatedTokenCache>();
            var hits = cache.Hits;
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(host, "/svc/echo/revoked", token));
            Assert.True(cache.Hits > hits, "the revoked token was not served from the validated-token cache");
            Assert.Equal(HttpStatusCode.OK, await CallAsync(host, "/svc/echo/other-token", other));
        }

        Assert.Equal(reached, _topology.EchoRequests.Count("/revoked"));
        var usage = await UsageStream.WaitForAsync(_topology.Environment.RedisConnectionString, u => u.Path == "/svc/echo/revoked", 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, usage.Count);
        Assert.All(usage, u => Assert.Equal(UsageReasons.Revoked, u.Reason));
        Assert.All(usage, u => Assert.Equal(UsageDecisions.Denied, u.Decision));
    }

    [Fact]
    public async Task IdentityCutoff_DeniesOlderTokensOnTwoReplicasWithinOneSecond_NewTokensWork()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = await _topology.GetTokenAsync(clientId, secret, "echo.read");
        var cutoff = DateTimeOffset.FromUnixTimeSeconds(new DateTimeOffset(new JsonWebToken(token).IssuedAt).ToUnixTimeSeconds() + 1);
        foreach (var (_, host) in Replicas)
        {
            // Validated, so cached as valid, before the cut-off arrives.
            Assert.Equal(HttpStatusCode.OK, await CallAsync(host, "/svc/echo/before-cut-off", token));
        }

        await _redis.GetDatabase().HashSetAsync(NhiRevocation.IdentityCutoffsKey, clientId, cutoff.ToUnixTimeSeconds());
        var delays = await PublishAndMeasureAsync(
            new RevocationMessage { Kind = RevocationMessage.IdentityKind, ClientId = clientId, IssuedBefore = cutoff },
            list => list.TryGetCutoff(clientId, out _));

        Assert.Equal(2, delays.Count);
        Assert.All(delays.Values, delay => Assert.True(delay < Requirement, $"propagation took {delay.TotalMilliseconds} ms"));
        foreach (var (_, host) in Replicas)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(host, "/svc/echo/cut-off", token));
        }

        Assert.Equal(0, _topology.EchoRequests.Count("/cut-off"));
        while (DateTimeOffset.UtcNow < cutoff.AddMilliseconds(50))
        {
            await Task.Delay(50);
        }

        var fresh = await _topology.GetTokenAsync(clientId, secret, "echo.read");
        Assert.Equal(HttpStatusCode.OK, await CallAsync(_replica, "/svc/echo/after-cut-off", fresh));
    }

    [Fact]
    public async Task NewReplica_LoadsRevocationsFromRedisAtStart()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var revoked = new JsonWebToken(await _topology.GetTokenAsync(clientId, secret, "echo.read"));
        var (cutClientId, cutSecret) = await _topology.RegisterAsync("echo.read");
        var cut = await _topology.GetTokenAsync(cutClientId, cutSecret, "echo.read");

        // State only, no message: a replica that starts later must still know it.
        var database = _redis.GetDatabase();
        await database.SortedSetAddAsync(NhiRevocation.RevokedTokensKey, revoked.Id, new DateTimeOffset(revoked.ValidTo).ToUnixTimeSeconds());
        await database.HashSetAsync(NhiRevocation.IdentityCutoffsKey, cutClientId, DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        await using var late = _topology.StartReplica();

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(late, "/svc/echo/late", revoked.EncodedToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(late, "/svc/echo/late", cut));
        Assert.Equal(0, _topology.EchoRequests.Count("/late"));
    }

    [Fact]
    public async Task SubscriptionDropped_StateWrittenMeanwhile_IsResyncedOnReconnect()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var jwt = new JsonWebToken(await _topology.GetTokenAsync(clientId, secret, "echo.read"));
        var list = _topology.Gateway.Services.GetRequiredService<RevocationList>();

        // Stored but never published (as if published while this replica was disconnected) ...
        await _redis.GetDatabase().SortedSetAddAsync(NhiRevocation.RevokedTokensKey, jwt.Id, new DateTimeOffset(jwt.ValidTo).ToUnixTimeSeconds());
        Assert.False(list.IsTokenRevoked(jwt.Id));
        // ... then every connection of the gateways is dropped by the server: each reconnects and reloads.
        await _redis.GetServers()[0].ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");

        var clock = Stopwatch.StartNew();
        while (!list.IsTokenRevoked(jwt.Id) && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        Assert.True(list.IsTokenRevoked(jwt.Id), "the revocation stored while disconnected was not loaded after the reconnect");
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(_topology.Gateway, "/svc/echo/resynced", jwt.EncodedToken));
    }
}
