using System.CommandLine;
using System.Text.Json;
using NhiPlatform.Cli.Output;

namespace NhiPlatform.Cli.Commands;

/// <summary>
/// <c>nhi identities federate add|list|get|delete</c>: which external issuers' tokens (Kubernetes service accounts,
/// GitHub Actions, SPIFFE, any OIDC provider) authenticate an identity instead of a stored secret.
/// </summary>
internal static class FederateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("federate", "Federated credentials: trust an external issuer's tokens for one exact subject.");
        command.Subcommands.Add(Add(global));
        command.Subcommands.Add(List(global));
        command.Subcommands.Add(Get(global));
        command.Subcommands.Add(Delete(global));
        return command;
    }

    private static string PathOf(string clientId) => $"/api/admin/identities/{Uri.EscapeDataString(clientId)}/federated-credentials";

    private static readonly (string Label, Func<JsonElement, string> Value)[] Fields =
    [
        ("name", i => OutputWriter.Text(i, "name")),
        ("issuer", i => OutputWriter.Text(i, "issuer")),
        ("subject", i => OutputWriter.Text(i, "subject")),
        ("audiences", i => OutputWriter.Text(i, "audiences")),
        ("claims", i => i.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Object
            ? string.Join(", ", claims.EnumerateObject().Select(c => $"{c.Name}={c.Value.GetString()}")) : string.Empty),
        ("pinned jwks", i => OutputWriter.Text(i, "pinnedJwks")),
        ("created", i => OutputWriter.Text(i, "createdAt")),
        ("last used", i => OutputWriter.Text(i, "lastUsedAt")),
    ];

    private static Command Add(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var name = new Option<string>("--name") { Description = "A name unique on the identity (letters, digits, '-', '_').", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The external issuer's URL (its iss), https.", Required = true };
        var subject = new Option<string>("--subject")
        {
            Description = "The exact sub, e.g. system:serviceaccount:<ns>:<name> or repo:<org>/<repo>:environment:<env>.",
            Required = true,
        };
        var audience = new Option<string[]>("--audience") { Description = "An accepted aud (repeat; default: the token endpoint and issuer URLs)." };
        var claim = new Option<string[]>("--claim") { Description = "name=value another claim must have exactly (repeat)." };
        var description = new Option<string?>("--description") { Description = "What workload this is." };
        var jwksFile = new Option<FileInfo?>("--jwks-file") { Description = "Pin the issuer's JWKS from this file (issuers without discovery)." };
        var command = new Command("add", "Trusts an external issuer's tokens for one subject.")
        {
            clientId, name, issuer, subject, audience, claim, description, jwksFile,
        };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            var claims = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in result.GetValue(claim) ?? [])
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0)
                {
                    throw new CliException($"--claim '{pair}': use name=value.");
                }

                claims[pair[..separator]] = pair[(separator + 1)..];
            }

            JsonElement? jwks = result.GetValue(jwksFile) is { } file
                ? JsonDocument.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken)).RootElement.Clone()
                : null;
            var audiences = result.GetValue(audience) is { Length: > 0 } given ? given : null;
            await using var api = global.Connect(result);
            var created = await api.SendAsync(HttpMethod.Post, PathOf(result.GetValue(clientId)!), new
            {
                name = result.GetValue(name),
                issuer = result.GetValue(issuer),
                subject = result.GetValue(subject),
                audiences,
                claims = claims.Count == 0 ? null : claims,
                description = result.GetValue(description),
                jwks,
            }, cancellationToken);
            global.Output(result).WriteObject(created, Fields);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var command = new Command("list", "Lists an identity's federated credentials.") { clientId };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            global.Output(result).WriteTable(await api.GetAsync(PathOf(result.GetValue(clientId)!), cancellationToken), Fields);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var name = new Argument<string>("name");
        var command = new Command("get", "Shows one federated credential.") { clientId, name };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var credential = await api.GetAsync($"{PathOf(result.GetValue(clientId)!)}/{Uri.EscapeDataString(result.GetValue(name)!)}", cancellationToken);
            global.Output(result).WriteObject(credential, Fields);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(GlobalOptions global)
    {
        var clientId = new Argument<string>("client-id");
        var name = new Argument<string>("name");
        var command = new Command("delete", "Removes a federated credential; tokens obtained through it stop working.") { clientId, name };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            await api.SendAsync(HttpMethod.Delete, $"{PathOf(result.GetValue(clientId)!)}/{Uri.EscapeDataString(result.GetValue(name)!)}", null, cancellationToken);
            global.Output(result).WriteLine($"{result.GetValue(name)}: deleted");
            return ExitCodes.Success;
        });
        return command;
    }
}
