using System.CommandLine;
using System.Reflection;

namespace NhiPlatform.LocalHost.Cli;

/// <summary>
/// The command line (System.CommandLine, for its help text and validation). Parse errors exit with
/// <see cref="ExitCodes.Usage"/>; <c>--help</c> and <c>--version</c> are System.CommandLine's; a run is
/// <see cref="LocalHostApplication"/>, which handles its own signals.
/// </summary>
internal static class LocalHostCommand
{
    private static readonly string[] Configurations = ["Debug", "Release"];

    public static async Task<int> InvokeAsync(string[] args)
    {
        var stateDirectory = new Option<string?>("--state-dir")
        {
            Description = "Run state: endpoints.json, bootstrap.json, logs/, run/ (default: <repo>/.nhi).",
        };
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "PostgreSQL cluster and Redis AOF (default: <state-dir>/data).",
        };
        var gatewayPort = new Option<int?>("--gateway-port")
        {
            Description = "The gateway's port on 127.0.0.1 (default: 5080, or a free port when 5080 is taken; 0: a free port).",
        };
        gatewayPort.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0 or > 65535)
            {
                result.AddError("--gateway-port must be between 0 and 65535.");
            }
        });
        var gatewayReplicas = new Option<int>("--gateway-replicas")
        {
            Description = "Gateway processes sharing Redis; extra replicas listen on free ports.",
            DefaultValueFactory = _ => 1,
        };
        gatewayReplicas.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 16)
            {
                result.AddError("--gateway-replicas must be between 1 and 16.");
            }
        });
        var configuration = new Option<string>("--configuration", "-c")
        {
            Description = "The build configuration whose service assemblies are started (default: the LocalHost's own).",
            DefaultValueFactory = _ => OwnConfiguration(),
        };
        configuration.AcceptOnlyFromAmong(Configurations);

        var demo = new Option<bool>("--demo")
        {
            Description = "Registers the demo identities and runs their traffic: the map, findings and queries fill within a minute.",
        };

        var root = new RootCommand(
            "Starts the NhiPlatform topology (PostgreSQL, Redis, tokens, inventory, echo, gateway) on this machine " +
            "from local binaries, in the foreground. Ctrl+C stops everything.")
        {
            stateDirectory, dataDirectory, gatewayPort, gatewayReplicas, configuration, demo,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        if (parsed.Action is not null)
        {
            return await parsed.InvokeAsync();
        }

        return await LocalHostApplication.RunAsync(new LocalHostOptions
        {
            StateDirectory = parsed.GetValue(stateDirectory),
            DataDirectory = parsed.GetValue(dataDirectory),
            GatewayPort = parsed.GetValue(gatewayPort),
            GatewayReplicas = parsed.GetValue(gatewayReplicas),
            Configuration = parsed.GetValue(configuration) ?? OwnConfiguration(),
            Demo = parsed.GetValue(demo),
        });
    }

    private static string OwnConfiguration()
    {
        var own = typeof(LocalHostCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        return Configurations.Contains(own) ? own! : "Release";
    }
}
