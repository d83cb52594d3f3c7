using System.CommandLine;
using NhiPlatform.Cli.Output;

namespace NhiPlatform.Cli.Commands;

/// <summary><c>nhi findings list|ack</c>; <c>--fail-on</c> turns findings into an exit code for CI gates.</summary>
internal static class FindingsCommand
{
    private const string Path = "/api/inventory/findings";
    private static readonly string[] Severities = ["low", "medium", "high"];

    public static Command Create(GlobalOptions global)
    {
        var command = new Command("findings", "Dormant, over-privileged, expiring, ownerless, hidden callers...");
        command.Subcommands.Add(List(global));
        command.Subcommands.Add(Acknowledge(global));
        return command;
    }

    private static Command List(GlobalOptions global)
    {
        var status = new Option<string?>("--status") { Description = "open (default), acknowledged or resolved.", DefaultValueFactory = _ => "open" };
        var severity = new Option<string?>("--severity") { Description = "Only this severity (low, medium, high)." };
        var rule = new Option<string?>("--rule") { Description = "Only this rule (e.g. dormant_identity)." };
        var clientId = new Option<string?>("--for") { Description = "Only findings about this client id." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 3 when a listed finding is at or above this severity." };
        failOn.AcceptOnlyFromAmong(Severities);
        var evaluate = new Option<bool>("--evaluate") { Description = "Evaluate the rules now before listing (needs nhi.admin)." };
        var command = new Command("list", "Lists findings.") { status, severity, rule, clientId, failOn, evaluate };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            if (result.GetValue(evaluate))
            {
                await api.SendAsync(HttpMethod.Post, Path + "/evaluate", new { }, cancellationToken);
            }

            var query = QueryString.Of(("status", result.GetValue(status)), ("severity", result.GetValue(severity)),
                ("rule", result.GetValue(rule)), ("client_id", result.GetValue(clientId)));
            var findings = await api.GetAsync(Path + query, cancellationToken);
            global.Output(result).WriteTable(findings,
                ("id", i => OutputWriter.Text(i, "id")),
                ("severity", i => OutputWriter.Text(i, "severity")),
                ("rule", i => OutputWriter.Text(i, "rule")),
                ("subject", i => OutputWriter.Text(i, "subject")),
                ("title", i => OutputWriter.Text(i, "title")),
                ("status", i => OutputWriter.Text(i, "status")),
                ("last detected", i => OutputWriter.Text(i, "lastDetected")));

            var threshold = Array.IndexOf(Severities, result.GetValue(failOn));
            var worst = findings.EnumerateArray().Select(f => Array.IndexOf(Severities, OutputWriter.Text(f, "severity"))).DefaultIfEmpty(-1).Max();
            return threshold >= 0 && worst >= threshold ? ExitCodes.FindingsAtThreshold : ExitCodes.Success;
        });
        return command;
    }

    private static Command Acknowledge(GlobalOptions global)
    {
        var id = new Argument<long>("finding-id");
        var reason = new Option<string>("--reason") { Description = "Why it is accepted (kept with the finding).", Required = true };
        var command = new Command("ack", "Acknowledges a finding: known, accepted, with a reason.") { id, reason };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var finding = await api.SendAsync(HttpMethod.Post, $"{Path}/{result.GetValue(id)}/acknowledge",
                new { reason = result.GetValue(reason) }, cancellationToken);
            var output = global.Output(result);
            if (output.Json)
            {
                output.WriteJson(finding);
            }
            else
            {
                output.WriteLine($"finding {result.GetValue(id)}: acknowledged");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
