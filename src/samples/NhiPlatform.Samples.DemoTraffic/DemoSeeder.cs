using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.Samples.DemoTraffic;

/// <summary>
/// Registers the sample identities through the gateway's admin API, as the bootstrap admin, and writes each one's
/// credentials to a mode-600 file for the sample that uses it (then, for the demo, imports its certificates).
/// Idempotent: a file whose credentials still work is kept; an identity that exists without its file gets a rotated secret.
/// </summary>
internal sealed class DemoSeeder(HttpClient gateway, BootstrapCredentials admin, string directory, TextWriter output)
{
    public async Task<int> SeedAsync(
        IReadOnlyList<DemoIdentities.DemoIdentity> identities, DemoCertificateImporter? certificates, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var adminToken = await TokenAsync(admin.ClientId, admin.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}", cancellationToken)
            ?? throw new InvalidOperationException("The bootstrap admin could not get a token: is .nhi/bootstrap.json from this platform?");
        foreach (var identity in identities)
        {
            var file = Path.Combine(directory, $"{identity.ClientId}.json");
            if (File.Exists(file) && await StillWorksAsync(file, cancellationToken))
            {
                continue;
            }

            var secret = await CreateAsync(identity, adminToken, cancellationToken) ?? await RotateAsync(identity, adminToken, cancellationToken);
            await WriteOwnerOnlyAsync(file, new BootstrapCredentials
            {
                ClientId = identity.ClientId,
                ClientSecret = secret,
                TokenEndpoint = new Uri(gateway.BaseAddress!, "connect/token").ToString(),
                Scope = identity.RequestedScope,
            }, cancellationToken);
            await output.WriteLineAsync($"demo: registered {identity.ClientId} (owner {identity.Owner})");
        }

        if (certificates is not null)
        {
            await certificates.ImportAsync(adminToken, cancellationToken);
        }

        return 0;
    }

    private async Task<bool> StillWorksAsync(string file, CancellationToken cancellationToken)
    {
        var credentials = JsonSerializer.Deserialize(await File.ReadAllTextAsync(file, cancellationToken), LocalRunJsonContext.Default.BootstrapCredentials);
        return credentials is not null && await TokenAsync(credentials.ClientId, credentials.ClientSecret, null, cancellationToken) is not null;
    }

    private async Task<string?> CreateAsync(DemoIdentities.DemoIdentity identity, string adminToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/admin/identities")
        {
            Content = JsonContent.Create(new
            {
                clientId = identity.ClientId,
                displayName = identity.DisplayName,
                owner = identity.Owner,
                purpose = identity.Purpose,
                allowedScopes = identity.Scopes,
                tags = identity.Tags.Select(t => t.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await gateway.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"registering {identity.ClientId}", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("clientSecret").GetString();
    }

    private async Task<string> RotateAsync(DemoIdentities.DemoIdentity identity, string adminToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/admin/identities/{identity.ClientId}/credentials/rotate")
        {
            Content = JsonContent.Create(new { }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await gateway.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, $"rotating the secret of {identity.ClientId} (its credentials file is gone)", cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("clientSecret").GetString()!;
    }

    private async Task<string?> TokenAsync(string clientId, string secret, string? scope, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        using var response = await gateway.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString()
            : null;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"demo: {what} failed: {(int)response.StatusCode} {body}");
        }
    }

    private static async Task WriteOwnerOnlyAsync(string path, BootstrapCredentials credentials, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, credentials, LocalRunJsonContext.Default.BootstrapCredentials, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
