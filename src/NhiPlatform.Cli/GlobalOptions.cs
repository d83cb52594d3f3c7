using System.CommandLine;
using NhiPlatform.Cli.Connection;
using NhiPlatform.Cli.Output;

namespace NhiPlatform.Cli;

/// <summary>Options every command takes: where the platform is, who to act as, how to print.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Gateway { get; } = new("--gateway") { Description = "The gateway's URL (default: NHI_GATEWAY, then .nhi/endpoints.json).", Recursive = true };
    public Option<string?> ClientId { get; } = new("--client-id") { Description = "Act as this identity (default: NHI_CLIENT_ID, then .nhi/bootstrap.json).", Recursive = true };
    public Option<string?> ClientSecret { get; } = new("--client-secret") { Description = "Its secret (default: NHI_CLIENT_SECRET, then .nhi/bootstrap.json).", Recursive = true };
    public Option<string?> StateDirectory { get; } = new("--state-dir") { Description = "The run's state directory, as ./run.sh --state-dir (default: NHI_STATE_DIR, then the nearest .nhi).", Recursive = true };
    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON instead of tables.", Recursive = true };

    public IEnumerable<Option> All => [Gateway, ClientId, ClientSecret, StateDirectory, Json];

    public PlatformApi Connect(ParseResult result) => new(PlatformSettingsResolver.Resolve(
        result.GetValue(Gateway), result.GetValue(ClientId), result.GetValue(ClientSecret), result.GetValue(StateDirectory)));

    public OutputWriter Output(ParseResult result) => new(Console.Out, result.GetValue(Json));
}
