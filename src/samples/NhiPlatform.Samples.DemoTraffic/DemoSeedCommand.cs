using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.Samples.DemoTraffic;

/// <summary>
/// <c>seed</c>: the orders identity (always: the orders sample needs it), or with <c>--all</c> every demo identity and
/// the demo certificates.
/// Reads the gateway URL, the bootstrap admin file and the credentials directory from configuration (environment).
/// </summary>
internal static class DemoSeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var issuer = configuration[NhiConfigurationKeys.Issuer];
        var bootstrapFile = configuration[NhiConfigurationKeys.BootstrapCredentialsFile];
        var directory = configuration[NhiConfigurationKeys.DemoCredentialsDirectory];
        if (issuer is null || bootstrapFile is null || directory is null)
        {
            await Console.Error.WriteLineAsync(
                $"demo seed needs {NhiConfigurationKeys.Issuer}, {NhiConfigurationKeys.BootstrapCredentialsFile} and {NhiConfigurationKeys.DemoCredentialsDirectory}.");
            return 2;
        }

        try
        {
            var admin = JsonSerializer.Deserialize(await File.ReadAllTextAsync(bootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)
                ?? throw new InvalidOperationException($"{bootstrapFile} is empty.");
            using var gateway = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(issuer.TrimEnd('/') + "/") };
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var all = args.Contains("--all");
            var identities = all ? DemoIdentities.All : [DemoIdentities.Orders];
            var certificates = all
                ? new DemoCertificateImporter(gateway, Path.Combine(directory, "certificates"), TimeProvider.System, Console.Out)
                : null;
            return await new DemoSeeder(gateway, admin, directory, Console.Out).SeedAsync(identities, certificates, timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException or JsonException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }
}
