using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Inventory.Ingestion;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.TokenService.Protocol;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests;

/// <summary>The inventory on Kestrel with a token service beside it (for the keys of its bearer tokens).</summary>
internal sealed class InventoryTestHost : IAsyncDisposable
{
    public const string Issuer = "https://gateway.test";

    private InventoryTestHost(ServiceHost<TokenServiceOptions> tokens, ServiceHost<IngestionOptions> inventory, TestEnvironment environment,
        string bootstrapFile, ConnectionMultiplexer redis)
    {
        Tokens = tokens;
        Inventory = inventory;
        Environment = environment;
        BootstrapFile = bootstrapFile;
        Redis = redis;
        Client = inventory.CreateLoopbackClient();
    }

    public ServiceHost<TokenServiceOptions> Tokens { get; }
    public ServiceHost<IngestionOptions> Inventory { get; }
    public TestEnvironment Environment { get; }
    public string BootstrapFile { get; }
    public ConnectionMultiplexer Redis { get; }
    public HttpClient Client { get; }

    public static async Task<InventoryTestHost> StartAsync(
        LocalServersFixture servers, Dictionary<string, string?>? extraSettings = null, TestEnvironment? environment = null,
        Action<IServiceCollection>? configureServices = null, bool adminClientFromBootstrap = false)
    {
        environment ??= await servers.CreateEnvironmentAsync(CancellationToken.None);
        var bootstrapFile = Path.Combine(Directory.CreateTempSubdirectory("nhi-inventory-test-").FullName, BootstrapCredentials.FileName);
        var tokens = new ServiceHost<TokenServiceOptions>(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
            [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrapFile,
        });
        tokens.Start();
        var settings = new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = tokens.BaseAddress.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in extraSettings ?? [])
        {
            settings[key] = value;
        }

        if (adminClientFromBootstrap)
        {
            // The inventory's own admin client for the lifecycle policy: here the bootstrap admin.
            var admin = JsonSerializer.Deserialize(await File.ReadAllTextAsync(bootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)!;
            settings["Nhi:Inventory:Lifecycle:AdminClientId"] = admin.ClientId;
            settings["Nhi:Inventory:Lifecycle:AdminClientSecret"] = admin.ClientSecret;
        }

        // Pub/sub channels are global to the Redis server: each host gets its own live-update channel.
        settings.TryAdd("Nhi:Inventory:Live:Channel", $"nhi:inventory:changes:{Guid.NewGuid():N}");
        var inventory = new ServiceHost<IngestionOptions>(settings, configureServices);
        inventory.Start();
        var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString);
        return new InventoryTestHost(tokens, inventory, environment, bootstrapFile, redis);
    }

    public static UsageRecordedEvent NewEvent(string path, string? clientId = "orders", int status = 200) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        ClientId = clientId,
        RouteId = "echo",
        Method = "GET",
        Path = path,
        Status = status,
        LatencyMs = 1.25,
        Decision = status < 400 ? UsageDecisions.Allowed : UsageDecisions.Denied,
    };

    public Task<RedisValue> PublishAsync(UsageRecordedEvent usage) =>
        Redis.GetDatabase().StreamAddAsync(NhiStreams.Usage,
        [
            new NameValueEntry(NhiStreams.TypeField, UsageRecordedEvent.TypeName),
            new NameValueEntry(NhiStreams.VersionField, 1),
            new NameValueEntry(NhiStreams.DataField, JsonSerializer.Serialize(usage, NhiEventsJsonContext.Default.UsageRecordedEvent)),
        ]);

    /// <summary>
    /// Waits until the group has caught up: every usage entry written so far was delivered, stored (or dead-lettered)
    /// and acknowledged. With several consumers a later entry can be committed before an earlier one, so a test that
    /// saw one entry's rows waits for this before asserting on the others.
    /// </summary>
    public Task WaitUntilCaughtUpAsync() =>
        InventoryApiClient.EventuallyAsync(async () =>
        {
            var database = Redis.GetDatabase();
            var written = (await database.StreamInfoAsync(NhiStreams.Usage)).LastGeneratedId;
            var group = (await database.StreamGroupInfoAsync(NhiStreams.Usage)).Single(g => g.Name == NhiStreams.InventoryGroup);
            return (Delivered: group.LastDeliveredId == written, group.PendingMessageCount);
        }, state => state.Delivered && state.PendingMessageCount == 0, "every usage entry delivered and acknowledged");

    public Task<RedisValue> PublishBatchAsync(IReadOnlyList<UsageRecordedEvent> events) =>
        Redis.GetDatabase().StreamAddAsync(NhiStreams.Usage, InventoryEvents.BatchEntry(events));

    public async Task<string> GetReaderTokenAsync()
    {
        var admin = JsonSerializer.Deserialize(await File.ReadAllTextAsync(BootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)!;
        using var tokenClient = Tokens.CreateLoopbackClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = NhiScopes.Read }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{admin.ClientId}:{admin.ClientSecret}")));
        using var response = await tokenClient.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> QueryUsageAsync(string query, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/inventory/usage?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? await GetReaderTokenAsync());
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public T GetService<T>() where T : notnull => Inventory.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Inventory.DisposeAsync();
        await Tokens.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
