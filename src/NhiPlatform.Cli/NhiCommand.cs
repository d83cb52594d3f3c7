using System.CommandLine;
using NhiPlatform.Cli.Commands;

namespace NhiPlatform.Cli;

/// <summary>The <c>nhi</c> command tree. Usage errors exit 2; every command's failures are messages, not stack traces.</summary>
internal static class NhiCommand
{
    public static RootCommand Create()
    {
        var global = new GlobalOptions();
        var root = new RootCommand("nhi: the NhiPlatform command line. Reads .nhi/endpoints.json and .nhi/bootstrap.json by default.");
        foreach (var option in global.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(IdentitiesCommand.Create(global));
        root.Subcommands.Add(CredentialsCommand.Create(global));
        root.Subcommands.Add(TokenCommand.Create(global));
        foreach (var query in InventoryQueriesCommand.Create(global))
        {
            root.Subcommands.Add(query);
        }

        root.Subcommands.Add(FindingsCommand.Create(global));
        root.Subcommands.Add(ImportCommand.Create(global));
        root.Subcommands.Add(UiCommand.Create(global));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"nhi: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'nhi --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync();
    }
}
