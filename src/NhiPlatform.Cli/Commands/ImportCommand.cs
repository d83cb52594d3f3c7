using System.CommandLine;
using System.Net.Http.Headers;

namespace NhiPlatform.Cli.Commands;

/// <summary><c>nhi import certs|keys</c>: credentials the platform did not issue, into the inventory.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("import", "Imports external credentials (X.509 certificates, API-key records).");
        command.Subcommands.Add(Certificates(global));
        command.Subcommands.Add(Keys(global));
        return command;
    }

    private static Command Certificates(GlobalOptions global)
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A directory of PEM files (*.pem, *.crt)." };
        var owner = new Option<string?>("--owner") { Description = "The owner of these certificates (else reported as ownerless)." };
        var system = new Option<string?>("--system") { Description = "The system they belong to." };
        var command = new Command("certs", "Imports every PEM certificate of a directory; a bad file is rejected whole.") { directory, owner, system };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var folder = result.GetValue(directory)!;
            if (!folder.Exists)
            {
                throw new CliException($"{folder.FullName} does not exist.", ExitCodes.Usage);
            }

            await using var api = global.Connect(result);
            var query = QueryString.Of(("owner", result.GetValue(owner)), ("system", result.GetValue(system)));
            var files = folder.EnumerateFiles("*.pem").Concat(folder.EnumerateFiles("*.crt")).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var content = new StringContent(await File.ReadAllTextAsync(file.FullName, cancellationToken));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-pem-file");
                var outcome = await api.SendContentAsync(HttpMethod.Post, "/api/inventory/imports/certificates" + query, content, cancellationToken);
                global.Output(result).WriteLine($"{file.Name}: {outcome.GetRawText()}");
            }

            return files.Count == 0 ? throw new CliException($"No *.pem or *.crt file in {folder.FullName}.") : ExitCodes.Success;
        });
        return command;
    }

    private static Command Keys(GlobalOptions global)
    {
        var file = new Argument<FileInfo>("file") { Description = "API-key records as JSON (an array) or CSV (with a header line)." };
        var command = new Command("keys", "Imports API-key records; a bad record rejects the whole file.") { file };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName} does not exist.", ExitCodes.Usage);
            }

            await using var api = global.Connect(result);
            var content = new StringContent(await File.ReadAllTextAsync(path.FullName, cancellationToken));
            content.Headers.ContentType = new MediaTypeHeaderValue(
                path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/json");
            var outcome = await api.SendContentAsync(HttpMethod.Post, "/api/inventory/imports/api-keys", content, cancellationToken);
            global.Output(result).WriteLine(outcome.GetRawText());
            return ExitCodes.Success;
        });
        return command;
    }
}
