using NhiPlatform.Contracts;
using NhiPlatform.Faults.Tests.Checks;
using NhiPlatform.Faults.Tests.Phases;

namespace NhiPlatform.Faults.Tests.Load;

/// <summary>What the answers themselves must show: expected statuses under every fault, no 5xx, no lost answer but while a replica stops.</summary>
internal static class LoadChecks
{
    /// <summary>The phases in which a gateway replica stops: only there, and only through the proxy, may a request go unanswered.</summary>
    private static readonly string[] ReplicaStoppingPhases = ["redis-restart", "gateway-restart"];

    public static void Judge(RequestJournal journal, FaultSuiteSettings settings, SuiteReport report)
    {
        foreach (var group in journal.Requests.Where(r => r.Unexpected).GroupBy(r => (r.Phase, Expected: (int)r.Expected!.Value, r.Status)))
        {
            var sample = group.First();
            report.Problem(group.Key.Phase,
                $"{group.Count()} load request(s) expected {group.Key.Expected} got {group.Key.Status} (e.g. {sample.Replica} {sample.Path})");
        }

        foreach (var group in journal.Requests.Where(r => r.Status >= 500).GroupBy(r => (r.Phase, r.Status)))
        {
            report.Problem(group.Key.Phase, $"{group.Count()} answer(s) with status {group.Key.Status}, e.g. {group.First().Method} {group.First().Path}");
        }

        foreach (var group in journal.Requests.Where(r => !r.Answered && !(ReplicaStoppingPhases.Contains(r.Phase) && r.Replica == NhiResources.Gateway))
                     .GroupBy(r => (r.Phase, r.Replica)))
        {
            report.Problem(group.Key.Phase, $"{group.Count()} request(s) to {group.Key.Replica} got no answer, e.g. {group.First().Path}: {group.First().Error}");
        }

        // Steady load means steady: a phase with far fewer requests than the rate asks for did not test much.
        var minimum = (int)(settings.PhaseDuration.TotalSeconds * settings.RequestsPerSecond * 0.25);
        // Only the suite's phases: the load starts a moment before the first and stops a moment after the last.
        foreach (var phase in SuitePhase.All.Select(p => p.Name))
        {
            var answered = journal.Requests.Count(r => r.Phase == phase && r.Expected is not null && r.Answered);
            report.Check(answered >= minimum, phase, $"only {answered} load requests answered (at least {minimum} expected at {settings.RequestsPerSecond}/s)");
        }
    }
}
