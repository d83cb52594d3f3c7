using System.CommandLine;
using System.Text.Json;
using NhiPlatform.Cli.Output;

namespace NhiPlatform.Cli.Commands;

/// <summary>The three questions, one command each: who calls this, who owns that, has it been rotated; and the map.</summary>
internal static class InventoryQueriesCommand
{
    private const string Api = "/api/inventory";

    public static IEnumerable<Command> Create(GlobalOptions global) => [WhoCalls(global), OwnerOf(global), Rotated(global), Map(global)];

    private static Command WhoCalls(GlobalOptions global)
    {
        var target = new Argument<string>("route-or-service") { Description = "A gateway route id (e.g. billing) or a service (cluster) name." };
        var command = new Command("who-calls", "Which identities call a route or a service, who owns them, how often, how recently.") { target };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var raw = result.GetValue(target)!;
            var name = Uri.EscapeDataString(raw);
            var callers = await api.GetAsync($"{Api}/callers?route={name}", cancellationToken);
            if (callers.GetArrayLength() == 0)
            {
                callers = await api.GetAsync($"{Api}/callers?service={name}", cancellationToken);
            }

            if (callers.GetArrayLength() == 0)
            {
                // Nobody calls it, or it does not exist: a typo must not look like "no callers".
                var known = KnownRoutesAndServices(await api.GetAsync($"{Api}/map", cancellationToken));
                if (!known.Contains(raw))
                {
                    throw new CliException(CloseNames.Unknown("route or service called through the gateway", raw, known));
                }
            }

            global.Output(result).WriteTable(callers,
                ("caller", i => OutputWriter.Text(i, "caller")),
                ("kind", i => OutputWriter.Text(i, "callerKind")),
                ("owner", i => OutputWriter.Text(i, "owner")),
                ("route", i => OutputWriter.Text(i, "routeId")),
                ("service", i => OutputWriter.Text(i, "service")),
                ("calls", i => OutputWriter.Text(i, "calls")),
                ("denials", i => OutputWriter.Text(i, "denials")),
                ("last seen", i => OutputWriter.Text(i, "lastSeen")));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command OwnerOf(GlobalOptions global)
    {
        var subject = new Argument<string>("token-jti-or-client-id");
        var command = new Command("owner-of", "Who owns the account behind a token (raw, decoded but never trusted), a token id, or a client id.") { subject };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var value = result.GetValue(subject)!.Trim();
            JsonElement answer;
            if (value.Count(c => c == '.') == 2)
            {
                answer = await api.SendAsync(HttpMethod.Post, $"{Api}/tokens/inspect", new { token = value }, cancellationToken);
            }
            else
            {
                try
                {
                    answer = await api.GetAsync($"{Api}/tokens/{Uri.EscapeDataString(value)}/owner", cancellationToken);
                }
                catch (CliException)
                {
                    answer = await api.GetAsync($"{Api}/identities/{Uri.EscapeDataString(value)}", cancellationToken);
                }
            }

            // A token answer is flat; an identity card keeps the catalogue's fields under "identity".
            static string Field(JsonElement item, string name) =>
                OutputWriter.Text(item, name) is var text && text == "-" && item.TryGetProperty("identity", out var identity)
                    ? OutputWriter.Text(identity, name)
                    : text;

            global.Output(result).WriteObject(answer,
                ("client id", i => Field(i, "clientId")),
                ("name", i => Field(i, "displayName")),
                ("owner", i => Field(i, "owner")),
                ("status", i => Field(i, "status")),
                ("issuer", i => OutputWriter.Text(i, "issuer")),
                ("verified", i => OutputWriter.Text(i, "verified")),
                ("basis", i => OutputWriter.Text(i, "basis")));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rotated(GlobalOptions global)
    {
        var subject = new Argument<string>("client-id-or-certificate") { Description = "A client id, or a certificate's name, subject or fingerprint." };
        var before = new Option<DateTimeOffset?>("--before") { Description = "Only credentials last rotated before this date." };
        var command = new Command("rotated", "Has this been rotated: each credential's age, last rotation and expiry.") { subject, before };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var name = result.GetValue(subject)!;
            var value = Uri.EscapeDataString(name);
            var rotatedBefore = result.GetValue(before) is { } date ? $"&rotated_before={Uri.EscapeDataString(date.ToString("O"))}" : string.Empty;
            var credentials = await api.GetAsync($"{Api}/credentials?client_id={value}{rotatedBefore}", cancellationToken);
            if (credentials.GetArrayLength() == 0)
            {
                credentials = await api.GetAsync($"{Api}/credentials?q={value}{rotatedBefore}", cancellationToken);
            }

            if (credentials.GetArrayLength() == 0 && result.GetValue(before) is null)
            {
                // No credential at all: an identity without any is an answer, a name nobody has is a mistake.
                var identities = (await api.GetAsync($"{Api}/identities", cancellationToken)).EnumerateArray()
                    .Select(identity => OutputWriter.Text(identity, "clientId")).ToList();
                if (!identities.Contains(name))
                {
                    throw new CliException(CloseNames.Unknown("identity or credential", name, identities));
                }
            }

            static JsonElement Credential(JsonElement item) => item.TryGetProperty("credential", out var c) ? c : item;
            global.Output(result).WriteTable(credentials,
                ("credential", i => OutputWriter.Text(Credential(i), "name")),
                ("kind", i => OutputWriter.Text(Credential(i), "kind")),
                ("owner", i => OutputWriter.Text(Credential(i), "effectiveOwner")),
                ("created", i => OutputWriter.Text(Credential(i), "createdAt")),
                ("last rotated", i => OutputWriter.Text(Credential(i), "lastRotatedAt")),
                ("days since", i => OutputWriter.Text(i, "daysSinceRotation")),
                ("expires", i => OutputWriter.Text(Credential(i), "expiresAt")),
                ("expired", i => OutputWriter.Text(i, "expired")));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every route id and service (cluster) the map has seen called.</summary>
    private static HashSet<string> KnownRoutesAndServices(JsonElement map)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in map.GetProperty("edges").EnumerateArray())
        {
            if (edge.GetProperty("target").GetString() is { } target && target.StartsWith(ServicePrefix, StringComparison.Ordinal) && target.Length > ServicePrefix.Length)
            {
                known.Add(target[ServicePrefix.Length..]);
            }

            foreach (var route in edge.GetProperty("routes").EnumerateArray())
            {
                if (route.GetString() is { Length: > 0 } id)
                {
                    known.Add(id);
                }
            }
        }

        return known;
    }

    /// <summary>The map's service nodes are named <c>service:&lt;cluster&gt;</c>.</summary>
    private const string ServicePrefix = "service:";

    private static Command Map(GlobalOptions global)
    {
        var command = new Command("map", "The map as a table: caller -> service, calls, denials, routes.");
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var map = await api.GetAsync($"{Api}/map", cancellationToken);
            var output = global.Output(result);
            if (output.Json)
            {
                output.WriteJson(map);
                return ExitCodes.Success;
            }

            output.WriteTable(map.GetProperty("edges"),
                ("caller", i => OutputWriter.Text(i, "source")),
                ("service", i => OutputWriter.Text(i, "target")),
                ("calls", i => OutputWriter.Text(i, "calls")),
                ("denials", i => OutputWriter.Text(i, "denials")),
                ("routes", i => OutputWriter.Text(i, "routes")),
                ("last seen", i => OutputWriter.Text(i, "lastSeen")));
            return ExitCodes.Success;
        });
        return command;
    }
}
