using NhiPlatform.TokenService.Extensions;

namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>
/// <c>NhiPlatform.TokenService break-glass --output &lt;file&gt; [--client-id &lt;id&gt;]</c>: runs <see cref="BreakGlassRecovery"/>
/// against the database named by the ordinary configuration (<c>ConnectionStrings:nhidb</c>, the key-encryption key, the
/// issuer; best given as environment variables). It never listens on the network: only someone on the host, holding
/// the database's and the key ring's secrets, can run it.
/// </summary>
internal static class BreakGlassCommand
{
    public const string Name = "break-glass";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>The process exit code: 0 recovered, 1 refused or failed, 2 usage.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        string? output = null;
        var clientId = BootstrapOptions.AdminClientId;
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--output" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--client-id" when i + 1 < args.Length:
                    clientId = args[++i];
                    break;
                default:
                    configuration.Add(args[i]);
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(output) || string.IsNullOrWhiteSpace(clientId))
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} --output <credentials file, written with mode 600> [--client-id <id>, default {BootstrapOptions.AdminClientId}]");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder([.. configuration]);
        builder.AddServiceDefaults();
        builder.AddTokenService();
        builder.Services.AddSingleton<BreakGlassRecovery>();
        using var host = builder.Build();
        var failure = await host.Services.GetRequiredService<BreakGlassRecovery>().RecoverAsync(clientId, output, cancellationToken);
        await (failure is null ? Console.Out : Console.Error).WriteLineAsync(failure is null
            ? $"Break-glass: credentials of administrator '{clientId}' written to {Path.GetFullPath(output)} (mode 600)."
            : $"Break-glass refused: {failure}");
        return failure is null ? 0 : 1;
    }
}
