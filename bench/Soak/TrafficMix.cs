using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Client;
using NhiPlatform.Contracts;

namespace NhiPlatform.Soak;

/// <summary>
/// What the soak sends, by weight: what workloads do (tokens, calls through the gateway with NhiPlatform.Client),
/// what operators do (inventory queries, admin lists) and what strangers do (no token, wrong scope, unknown route).
/// Every kind has the statuses it must get; anything else is an error.
/// </summary>
internal sealed class TrafficMix : IDisposable
{
    private readonly ServiceProvider _services;

    private TrafficMix(ServiceProvider services, IReadOnlyList<RequestKind> kinds)
    {
        _services = services;
        Kinds = kinds;
    }

    public IReadOnlyList<RequestKind> Kinds { get; }

    public static async Task<TrafficMix> CreateAsync(SoakPlatform platform)
    {
        var plain = new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        var (clientId, secret) = await RegisterWorkloadAsync(plain, platform);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient("workload", c => c.BaseAddress = platform.Gateway).AddNhiAccessToken(o =>
        {
            o.Authority = platform.Gateway;
            o.ClientId = clientId;
            o.ClientSecret = secret;
            o.Scope = "echo.read";
        });
        services.AddHttpClient("operator", c => c.BaseAddress = platform.Gateway).AddNhiAccessToken(o =>
        {
            o.Authority = platform.Gateway;
            o.ClientId = platform.Admin.ClientId;
            o.ClientSecret = platform.Admin.ClientSecret;
            o.Scope = $"{NhiScopes.Admin} {NhiScopes.Read}";
        });
        var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        var workload = factory.CreateClient("workload");
        var @operator = factory.CreateClient("operator");
        var basic = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

        RequestKind[] kinds =
        [
            new("call a service", 40, [HttpStatusCode.OK], (n, ct) => workload.GetAsync($"/svc/echo/soak/{n}", ct)),
            new("get a token", 8, [HttpStatusCode.OK], (_, ct) =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "echo.read" }),
                };
                request.Headers.Authorization = basic;
                return plain.SendAsync(request, ct);
            }),
            new("discovery", 8, [HttpStatusCode.OK], (n, ct) => plain.GetAsync(n % 2 == 0 ? "/.well-known/openid-configuration" : "/.well-known/jwks.json", ct)),
            new("who calls", 6, [HttpStatusCode.OK], (_, ct) => @operator.GetAsync("/api/inventory/callers?service=echo", ct)),
            new("identity card", 4, [HttpStatusCode.OK], (_, ct) => @operator.GetAsync($"/api/inventory/identities/{Uri.EscapeDataString(clientId)}", ct)),
            new("findings", 4, [HttpStatusCode.OK], (_, ct) => @operator.GetAsync("/api/inventory/findings?status=open", ct)),
            new("map", 3, [HttpStatusCode.OK], (_, ct) => @operator.GetAsync("/api/inventory/map", ct)),
            new("admin list", 3, [HttpStatusCode.OK], (_, ct) => @operator.GetAsync("/api/admin/identities", ct)),
            new("no token", 12, [HttpStatusCode.Unauthorized], (n, ct) => plain.GetAsync($"/svc/echo/anonymous/{n}", ct)),
            new("wrong scope", 6, [HttpStatusCode.Forbidden], (n, ct) => @operator.GetAsync($"/svc/echo/forbidden/{n}", ct)),
            new("unknown route", 6, [HttpStatusCode.NotFound, HttpStatusCode.Unauthorized], (n, ct) => plain.GetAsync($"/nowhere/{n}", ct)),
        ];
        return new TrafficMix(provider, kinds);
    }

    public void Dispose() => _services.Dispose();

    // A fresh identity per soak, so its counters are its own.
    private static async Task<(string ClientId, string Secret)> RegisterWorkloadAsync(HttpClient plain, SoakPlatform platform)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = NhiScopes.Admin }),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{Uri.EscapeDataString(platform.Admin.ClientId)}:{Uri.EscapeDataString(platform.Admin.ClientSecret)}")));
        using var tokenResponse = await plain.SendAsync(tokenRequest);
        var token = await ReadAsync(tokenResponse, "access_token");

        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = JsonContent.Create(new
            {
                displayName = $"soak {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}",
                owner = "team-platform",
                purpose = "Soak run of ./bench.sh: mixed traffic to watch memory and errors.",
                allowedScopes = new[] { "echo.read" },
                tags = new Dictionary<string, string> { ["env"] = "bench" },
            }),
        };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await plain.SendAsync(register);
        return (await ReadAsync(created, "clientId"), await ReadAsync(created, "clientSecret"));
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response, string property)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty(property).GetString()
            ?? throw new InvalidOperationException($"{property} missing in {response.RequestMessage?.RequestUri?.AbsolutePath}'s answer.");
    }
}

/// <summary>One kind of request, its share of the traffic and the statuses that count as right.</summary>
internal sealed record RequestKind(string Name, int Weight, HttpStatusCode[] Expected, Func<long, CancellationToken, Task<HttpResponseMessage>> Send);
