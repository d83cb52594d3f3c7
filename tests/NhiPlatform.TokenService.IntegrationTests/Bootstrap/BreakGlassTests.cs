using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.TokenService.Bootstrap;

namespace NhiPlatform.TokenService.IntegrationTests.Bootstrap;

/// <summary>
/// The host-only recovery (<c>NhiPlatform.TokenService break-glass</c>): straight to the database, an administrator
/// again with a fresh secret in a mode-600 file, audited, the secret never on the console.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BreakGlassTests(LocalServersFixture servers)
{
    [Fact]
    public async Task BreakGlass_AfterEveryAdministratorWasLost_RestoresOneWithFreshCredentials()
    {
        await using var host = await TokenServiceTestHost.StartAsync(servers);
        var lost = await host.ReadBootstrapAsync();
        // A lock-out the API refuses to cause, made behind its back: the only administrator disabled and stripped.
        await ExecuteAsync(host, "UPDATE tokens.identities SET status = 'disabled', allowed_scopes = '{nhi.read}' WHERE client_id = 'nhi-admin'");
        var output = Path.Combine(host.StateDirectory, "break-glass.json");

        var (exitCode, console) = await RunBreakGlassAsync(host, "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        var recovered = JsonSerializer.Deserialize(await File.ReadAllTextAsync(output), LocalRunJsonContext.Default.BootstrapCredentials)!;
        Assert.Equal("nhi-admin", recovered.ClientId);
        Assert.DoesNotContain(recovered.ClientSecret, console, StringComparison.Ordinal);
        var token = await Eventually.TrueAsync(async () =>
        {
            using var response = await host.RequestTokenAsync(recovered.ClientId, recovered.ClientSecret, NhiScopes.Admin);
            return response.StatusCode;
        }, status => status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, token);
        using (var old = await host.RequestTokenAsync(lost.ClientId, lost.ClientSecret, NhiScopes.Admin))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);   // the lost secret ended
        }

        host.ForgetAdminToken();
        File.Copy(output, host.BootstrapFile, overwrite: true);
        using var audit = await host.AdminAsync(HttpMethod.Get, "/api/admin/audit?actor=" + BreakGlassRecovery.Actor);
        var actions = (await audit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains(IdentityChangeKinds.Updated, actions);
        Assert.Contains(IdentityChangeKinds.CredentialRotated, actions);
    }

    [Fact]
    public async Task BreakGlass_WithNoSuchIdentity_CreatesAnAdministrator()
    {
        await using var host = await TokenServiceTestHost.StartAsync(servers);
        var output = Path.Combine(host.StateDirectory, "break-glass.json");

        var (exitCode, _) = await RunBreakGlassAsync(host, "--output", output, "--client-id", "recovery-admin");

        Assert.Equal(0, exitCode);
        var recovered = JsonSerializer.Deserialize(await File.ReadAllTextAsync(output), LocalRunJsonContext.Default.BootstrapCredentials)!;
        Assert.Equal("recovery-admin", recovered.ClientId);
        Assert.False(string.IsNullOrEmpty(await host.GetTokenAsync(recovered.ClientId, recovered.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}")));
    }

    [Fact]
    public async Task BreakGlass_WithoutOutput_IsAUsageError()
    {
        await using var host = await TokenServiceTestHost.StartAsync(servers);

        var (exitCode, _) = await RunBreakGlassAsync(host);

        Assert.Equal(2, exitCode);
    }

    /// <summary>The command in this process, configured as an operator would (database, key-encryption key, issuer; no Redis, no network).</summary>
    private static async Task<(int ExitCode, string Console)> RunBreakGlassAsync(TokenServiceTestHost host, params string[] options)
    {
        var console = new StringWriter();
        var (output, error) = (Console.Out, Console.Error);
        Console.SetOut(console);
        Console.SetError(console);
        try
        {
            var exitCode = await BreakGlassCommand.RunAsync([BreakGlassCommand.Name, .. options,
                $"--{NhiConfigurationKeys.ConnectionString(NhiResources.Database)}={host.Environment.PostgresConnectionString}",
                $"--{NhiConfigurationKeys.KeyEncryptionKey}={ServiceHost<Program>.TestKeyEncryptionKey}",
                $"--{NhiConfigurationKeys.Issuer}={TokenServiceTestHost.Issuer}"]);
            return (exitCode, console.ToString());
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
        }
    }

    private static async Task ExecuteAsync(TokenServiceTestHost host, string sql)
    {
        await using var connection = new NpgsqlConnection(host.Environment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
