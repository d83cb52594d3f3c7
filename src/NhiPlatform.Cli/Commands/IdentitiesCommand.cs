using System.CommandLine;
using System.Text.Json;
using NhiPlatform.Cli.Output;

namespace NhiPlatform.Cli.Commands;

/// <summary><c>nhi identities list|show|create|disable|enable|transfer|require-dpop|federate</c>: the admin API's identities.</summary>
internal static class IdentitiesCommand
{
    private const string Path = "/api/admin/identities";

    public static Command Create(GlobalOptions global)
    {
        var command = new Command("identities", "Non-human identities: who owns them, why they exist, what they may do.");
        command.Subcommands.Add(List(global));
        command.Subcommands.Add(Show(global));
        command.Subcommands.Add(CreateIdentity(global));
        command.Subcommands.Add(StatusChange(global, "disable", "Disables an identity: its tokens stop working at once."));
        command.Subcommands.Add(StatusChange(global, "enable", "Enables a disabled identity."));
        command.Subcommands.Add(Transfer(global));
        command.Subcommands.Add(RequireDPoPCommand.Create(global, Path));
        command.Subcommands.Add(FederateCommand.Create(global));
        return command;
    }

    private static Command List(GlobalOptions global)
    {
        var owner = new Option<string?>("--owner") { Description = "Only identities of this owner." };
        var status = new Option<string?>("--status") { Description = "Only identities in this status (active, disabled, deleted)." };
        var command = new Command("list", "Lists identities.") { owner, status };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var query = QueryString.Of(("owner", result.GetValue(owner)), ("status", result.GetValue(status)));
            var items = await api.GetAsync(Path + query, cancellationToken);
            global.Output(result).WriteTable(items,
                ("client id", i => OutputWriter.Text(i, "clientId")),
                ("owner", i => OutputWriter.Text(i, "owner")),
                ("status", i => OutputWriter.Text(i, "status")),
                ("scopes", i => OutputWriter.Text(i, "allowedScopes")),
                ("purpose", i => OutputWriter.Text(i, "purpose")));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var command = new Command("show", "Shows one identity.") { clientId };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var identity = await api.GetAsync($"{Path}/{Uri.EscapeDataString(result.GetValue(clientId)!)}", cancellationToken);
            global.Output(result).WriteObject(identity, IdentityFields);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateIdentity(GlobalOptions global)
    {
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var owner = new Option<string>("--owner") { Description = "The owning team or person.", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "Why this identity exists.", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "An allowed scope (repeatable).", AllowMultipleArgumentsPerToken = true };
        var clientId = new Option<string?>("--id") { Description = "A readable client id (default: derived from the name)." };
        var requireDPoP = new Option<bool>("--require-dpop") { Description = "Issue it only DPoP-bound (sender-constrained, RFC 9449) tokens." };
        var command = new Command("create", "Registers an identity; prints its secret once.") { name, owner, purpose, scopes, clientId, requireDPoP };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var created = await api.SendAsync(HttpMethod.Post, Path, new
            {
                clientId = result.GetValue(clientId),
                displayName = result.GetValue(name),
                owner = result.GetValue(owner),
                purpose = result.GetValue(purpose),
                allowedScopes = result.GetValue(scopes) ?? [],
                requireSenderConstrainedTokens = result.GetValue(requireDPoP),
            }, cancellationToken);
            var output = global.Output(result);
            output.WriteObject(created,
                ("client id", i => OutputWriter.Text(i, "clientId")),
                ("client secret", i => OutputWriter.Text(i, "clientSecret")),
                ("secret expires", i => OutputWriter.Text(i, "clientSecretExpiresAt")));
            if (!output.Json)
            {
                output.WriteLine("The secret is shown this once: store it in your secret manager now.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command StatusChange(GlobalOptions global, string action, string description)
    {
        var clientId = new Argument<string>("client-id");
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the audit log)." };
        var command = new Command(action, description) { clientId, reason };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var identity = await api.SendAsync(HttpMethod.Post, $"{Path}/{Uri.EscapeDataString(result.GetValue(clientId)!)}/{action}",
                new { reason = result.GetValue(reason) }, cancellationToken);
            WriteResult(global.Output(result), identity, $"{result.GetValue(clientId)}: {action}d");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Transfer(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var to = new Option<string>("--to") { Description = "The new owner.", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the audit log)." };
        var command = new Command("transfer", "Transfers an identity to a new owner.") { clientId, to, reason };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var identity = await api.SendAsync(HttpMethod.Post, $"{Path}/{Uri.EscapeDataString(result.GetValue(clientId)!)}/transfer",
                new { newOwner = result.GetValue(to), reason = result.GetValue(reason) }, cancellationToken);
            WriteResult(global.Output(result), identity, $"{result.GetValue(clientId)}: now owned by {result.GetValue(to)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteResult(OutputWriter output, JsonElement body, string message)
    {
        if (output.Json && body.ValueKind != JsonValueKind.Undefined)
        {
            output.WriteJson(body);
        }
        else
        {
            output.WriteLine(message);
        }
    }

    private static readonly (string, Func<JsonElement, string>)[] IdentityFields =
    [
        ("client id", i => OutputWriter.Text(i, "clientId")),
        ("name", i => OutputWriter.Text(i, "displayName")),
        ("owner", i => OutputWriter.Text(i, "owner")),
        ("purpose", i => OutputWriter.Text(i, "purpose")),
        ("status", i => OutputWriter.Text(i, "status")),
        ("tags", i => OutputWriter.Text(i, "tags")),
        ("allowed scopes", i => OutputWriter.Text(i, "allowedScopes")),
        ("dpop only", i => OutputWriter.Text(i, "requireSenderConstrainedTokens")),
        ("created", i => $"{OutputWriter.Text(i, "createdAt")} by {OutputWriter.Text(i, "createdBy")}"),
        ("updated", i => $"{OutputWriter.Text(i, "updatedAt")} by {OutputWriter.Text(i, "updatedBy")}"),
    ];
}
