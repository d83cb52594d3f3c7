using System.CommandLine;
using NhiPlatform.Cli.Output;

namespace NhiPlatform.Cli.Commands;

/// <summary><c>nhi credentials list|rotate|revoke</c>: an identity's secrets and keys (never shown after creation).</summary>
internal static class CredentialsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("credentials", "An identity's credentials: age, expiry, last use; rotation with overlap.");
        command.Subcommands.Add(List(global));
        command.Subcommands.Add(Rotate(global));
        command.Subcommands.Add(Revoke(global));
        return command;
    }

    private static string PathOf(string clientId) => $"/api/admin/identities/{Uri.EscapeDataString(clientId)}/credentials";

    private static Command List(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var command = new Command("list", "Lists an identity's credentials (without secrets).") { clientId };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var items = await api.GetAsync(PathOf(result.GetValue(clientId)!), cancellationToken);
            global.Output(result).WriteTable(items,
                ("credential id", i => OutputWriter.Text(i, "credentialId")),
                ("kind", i => OutputWriter.Text(i, "kind")),
                ("hint", i => OutputWriter.Text(i, "hint")),
                ("created", i => OutputWriter.Text(i, "createdAt")),
                ("expires", i => OutputWriter.Text(i, "expiresAt")),
                ("revoked", i => OutputWriter.Text(i, "revokedAt")),
                ("last used", i => OutputWriter.Text(i, "lastUsedAt")));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rotate(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var grace = new Option<TimeSpan?>("--grace") { Description = "How long the current secret keeps working (default: the server's, 24 h)." };
        var command = new Command("rotate", "Issues a new secret; the current one expires after the grace period.") { clientId, grace };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var rotated = await api.SendAsync(HttpMethod.Post, PathOf(result.GetValue(clientId)!) + "/rotate",
                new { graceSeconds = result.GetValue(grace) is { } g ? (int?)g.TotalSeconds : null }, cancellationToken);
            var output = global.Output(result);
            output.WriteObject(rotated,
                ("credential id", i => OutputWriter.Text(i, "credentialId")),
                ("client secret", i => OutputWriter.Text(i, "clientSecret")),
                ("expires", i => OutputWriter.Text(i, "expiresAt")));
            if (!output.Json)
            {
                output.WriteLine("The new secret is shown this once: deploy it before the previous one expires.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var credentialId = new Argument<string>("credential-id");
        var command = new Command("revoke", "Revokes one credential now; tokens issued with it stop working.") { clientId, credentialId };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            await api.SendAsync(HttpMethod.Post,
                $"{PathOf(result.GetValue(clientId)!)}/{Uri.EscapeDataString(result.GetValue(credentialId)!)}/revoke", new { }, cancellationToken);
            global.Output(result).WriteLine($"{result.GetValue(credentialId)}: revoked");
            return ExitCodes.Success;
        });
        return command;
    }
}
