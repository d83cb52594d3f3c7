using System.CommandLine;

namespace NhiPlatform.Cli.Commands;

/// <summary><c>nhi identities require-dpop &lt;client-id&gt; [--off]</c>: the <c>requireSenderConstrainedTokens</c> policy.</summary>
internal static class RequireDPoPCommand
{
    public static Command Create(GlobalOptions global, string identitiesPath)
    {
        var clientId = new Argument<string>("client-id");
        var off = new Option<bool>("--off") { Description = "Allow bearer tokens again." };
        var command = new Command("require-dpop",
            "Issues the identity only DPoP-bound tokens (RFC 9449): token requests without a proof are refused (audited).") { clientId, off };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var required = !result.GetValue(off);
            var identity = await api.SendAsync(HttpMethod.Patch, $"{identitiesPath}/{Uri.EscapeDataString(result.GetValue(clientId)!)}",
                new { requireSenderConstrainedTokens = required }, cancellationToken);
            var output = global.Output(result);
            if (output.Json)
            {
                output.WriteJson(identity);
            }
            else
            {
                output.WriteLine($"{result.GetValue(clientId)}: {(required ? "only DPoP-bound tokens" : "bearer tokens allowed again")}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
