using System.Diagnostics;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// Publish mode: the AppHost writes an Aspire manifest with PostgreSQL and Redis as containers and every service as a
/// project wired to them, which standard Aspire deployment tooling turns into Kubernetes resources.
/// </summary>
public sealed class PublishManifestTests
{
    [Fact]
    public async Task PublishManifest_DeclaresContainersServicesAndTheirReferences()
    {
        using var output = await TemporaryDirectory.CreateAsync("manifest", CancellationToken.None);
        var startInfo = new ProcessStartInfo(AppHostProcess.ExecutablePath)
        {
            ArgumentList = { "--publisher", "manifest", "--output-path", output.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"The AppHost's publish exited {process.ExitCode}:\n{await stdout}\n{await stderr}");

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.Path, "aspire-manifest.json")));
        var resources = manifest.RootElement.GetProperty("resources");
        string TypeOf(string name) => resources.GetProperty(name).GetProperty("type").GetString()!;
        string Env(string name, string variable) => resources.GetProperty(name).GetProperty("env").GetProperty(variable).GetString()!;

        Assert.Equal("container.v0", TypeOf(NhiResources.Postgres));
        Assert.Equal("container.v0", TypeOf(NhiResources.Cache));
        Assert.Contains($"{{{NhiResources.Postgres}.connectionString}}", resources.GetProperty(NhiResources.Database).GetProperty("connectionString").GetString(), StringComparison.Ordinal);
        foreach (var service in new[] { NhiResources.Tokens, NhiResources.Inventory, NhiResources.Gateway, NhiResources.Echo, NhiResources.Billing, NhiResources.Orders })
        {
            Assert.StartsWith("project.", TypeOf(service), StringComparison.Ordinal);
        }

        foreach (var service in new[] { NhiResources.Tokens, NhiResources.Inventory })
        {
            Assert.Equal($"{{{NhiResources.Database}.connectionString}}", Env(service, "ConnectionStrings__nhidb"));
            Assert.Equal($"{{{NhiResources.Cache}.connectionString}}", Env(service, "ConnectionStrings__cache"));
            Assert.Equal($"{{{NhiResources.Gateway}.bindings.http.url}}", Env(service, "Nhi__Issuer"));
        }

        Assert.Equal($"{{{NhiResources.Cache}.connectionString}}", Env(NhiResources.Gateway, "ConnectionStrings__cache"));
        Assert.Equal($"{{{NhiResources.Tokens}.bindings.http.url}}", Env(NhiResources.Gateway, "services__tokens__http__0"));
        Assert.Equal($"{{{NhiResources.Echo}.bindings.http.url}}", Env(NhiResources.Gateway, "services__echo__http__0"));
        Assert.True(resources.GetProperty(NhiResources.Gateway).GetProperty("bindings").GetProperty("http").GetProperty("external").GetBoolean());
        // The key ring's key-encryption key is a deployment secret, never a value in the manifest.
        Assert.Equal("{tokens-key-encryption-key.value}", Env(NhiResources.Tokens, "Nhi__Tokens__KeyEncryption__Key"));
        Assert.True(resources.GetProperty("tokens-key-encryption-key").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        // Nothing of a local run leaks into a deployment: no repository paths for credentials files or data.
        Assert.False(resources.GetProperty(NhiResources.Tokens).GetProperty("env").TryGetProperty("Nhi__Bootstrap__CredentialsFile", out _));
        // Federated credentials trust https issuers only once deployed: the loopback-http option is a local run's.
        Assert.False(resources.GetProperty(NhiResources.Tokens).GetProperty("env").TryGetProperty("Nhi__Tokens__Federation__AllowLoopbackHttpIssuers", out _));
    }
}
