using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Client;
using NhiPlatform.Contracts;

namespace NhiPlatform.Cli.Connection;

/// <summary>
/// The platform's HTTP API through the gateway, as the configured identity (tokens from NhiPlatform.Client).
/// Failures become <see cref="CliException"/>s that say what to do.
/// </summary>
internal sealed class PlatformApi : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly HttpClient _authorized;

    public PlatformApi(PlatformSettings settings)
    {
        Settings = settings;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient("anonymous", client => client.BaseAddress = settings.Gateway);
        services.AddHttpClient("platform", client => client.BaseAddress = settings.Gateway)
            .AddNhiAccessToken(options =>
            {
                options.Authority = settings.Gateway;
                options.ClientId = settings.ClientId;
                options.ClientSecret = settings.ClientSecret;
                options.Scope = $"{NhiScopes.Admin} {NhiScopes.Read}";
            });
        _provider = services.BuildServiceProvider();
        var factory = _provider.GetRequiredService<IHttpClientFactory>();
        _authorized = factory.CreateClient("platform");
        Anonymous = factory.CreateClient("anonymous");
    }

    public PlatformSettings Settings { get; }

    /// <summary>A client without a token, for the OAuth endpoints.</summary>
    public HttpClient Anonymous { get; }

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, body: null, cancellationToken);

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        return await ReadAsync(() => _authorized.SendAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Sends raw content (a PEM file, a CSV) as the configured identity.</summary>
    public async Task<JsonElement> SendContentAsync(HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        return await ReadAsync(() => _authorized.SendAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Sends through <paramref name="send"/> and returns the JSON body, or throws what the operator should know.</summary>
    public async Task<JsonElement> ReadAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException exception) when (exception.InnerException is SocketException || exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new CliException($"NhiPlatform is not reachable at {Settings.Gateway} ({exception.Message}). Is it running? Start it with ./run.sh.");
        }
        catch (NhiAccessTokenException exception) when (exception.Error == "discovery_failed")
        {
            throw new CliException($"NhiPlatform is not reachable at {Settings.Gateway} ({exception.ErrorDescription}). " +
                "Is it running? Start it with ./run.sh.");
        }
        catch (NhiAccessTokenException exception)
        {
            throw new CliException($"Could not get a token for {Settings.ClientId}: {exception.Error}" +
                (exception.ErrorDescription is null ? "." : $" ({exception.ErrorDescription})."));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = text.Length == 0 ? default : TryParse(text);
            if (response.IsSuccessStatusCode)
            {
                return json;
            }

            throw new CliException(Describe(response.StatusCode, json, text));
        }
    }

    private static JsonElement TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string Describe(HttpStatusCode status, JsonElement json, string text)
    {
        string? Field(string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        var summary = Field("title") ?? Field("error") ?? status.ToString();
        var detail = Field("detail") ?? Field("error_description");
        var errors = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("errors", out var e) ? $" {e.GetRawText()}" : string.Empty;
        return $"{(int)status} {summary}{(detail is null ? string.Empty : $": {detail}")}{errors}" +
            (json.ValueKind == JsonValueKind.Undefined && text.Length > 0 ? $" {text[..Math.Min(text.Length, 200)]}" : string.Empty);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
