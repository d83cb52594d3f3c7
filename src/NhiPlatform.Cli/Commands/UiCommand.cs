using System.CommandLine;
using NhiPlatform.Cli.Connection;

namespace NhiPlatform.Cli.Commands;

/// <summary><c>nhi ui</c>: where the operator page is.</summary>
internal static class UiCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("ui", "Prints the operator page's URL.");
        CommandAction.Set(command, (result, _) =>
        {
            var settings = PlatformSettingsResolver.Resolve(result.GetValue(global.Gateway), "-", "-", result.GetValue(global.StateDirectory));
            Console.Out.WriteLine(new Uri(settings.Gateway, "/ui/"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
