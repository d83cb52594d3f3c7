using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using Npgsql;

namespace NhiPlatform.Inventory.IntegrationTests;

/// <summary>Calls of the inventory's API with real tokens of the bootstrap admin (scope nhi.read or nhi.admin).</summary>
internal static class InventoryApiClient
{
    public static async Task<string> GetTokenAsync(this InventoryTestHost host, string scope)
    {
        var admin = JsonSerializer.Deserialize(await File.ReadAllTextAsync(host.BootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)!;
        using var tokenClient = host.Tokens.CreateLoopbackClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{admin.ClientId}:{admin.ClientSecret}")));
        using var response = await tokenClient.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        this InventoryTestHost host, HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || !(response.Content.Headers.ContentType?.MediaType?.Contains("json") ?? false)
            ? JsonSerializer.SerializeToElement(text) : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> GetOkAsync(this InventoryTestHost host, string path, string token)
    {
        var (status, body) = await host.SendAsync(HttpMethod.Get, path, token);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {body}");
        return body;
    }

    /// <summary>Polls until the condition holds (ingestion is asynchronous), failing after the timeout.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int timeoutSeconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<long> ScalarAsync(this InventoryTestHost host, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(host.Environment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    public static string ReadScope => NhiScopes.Read;

    public static string AdminScope => NhiScopes.Admin;
}
