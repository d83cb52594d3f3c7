using System.Text;
using NhiPlatform.Faults.Tests.Load;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// The journal of answered requests against the ledger, per (path, status): every answered request stored exactly
/// once, nothing stored that was not sent. A request that got no answer may be stored or not (the gateway may have
/// seen it), at most once. Event ids must be unique. Differences are reported per phase and status.
/// </summary>
internal sealed class LedgerComparison
{
    private readonly List<string> _problems = [];

    private LedgerComparison(IReadOnlyCollection<SentRequest> journal, IReadOnlyList<LedgerRow> rows)
    {
        var answered = journal.Where(r => r.Answered).ToList();
        var unanswered = journal.Where(r => !r.Answered).GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var phaseOfPath = journal.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => string.Join("+", g.Select(r => r.Phase).Distinct()), StringComparer.Ordinal);
        var expected = answered.GroupBy(r => (r.Path, Status: r.Status!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var stored = rows.GroupBy(r => (r.Path, r.Status)).ToDictionary(g => g.Key, g => g.Count());

        Duplicates = rows.Count - rows.Select(r => r.EventId).Distinct().Count();
        var missing = new List<(string Phase, int Status, int Count)>();
        var extra = new List<(string Phase, int Status, int Count, string Path)>();
        foreach (var key in expected.Keys.Union(stored.Keys))
        {
            var difference = stored.GetValueOrDefault(key) - expected.GetValueOrDefault(key);
            var phase = phaseOfPath.GetValueOrDefault(key.Path, "unknown");
            if (difference < 0)
            {
                missing.Add((phase, key.Status, -difference));
            }
            else if (difference > 0 && !TryExplain(unanswered, key.Path, difference))
            {
                extra.Add((phase, key.Status, difference, key.Path));
            }
        }

        Missing = missing.Sum(m => m.Count);
        if (Duplicates > 0)
        {
            _problems.Add($"{Duplicates} duplicate event id(s) in the ledger.");
        }

        foreach (var group in missing.GroupBy(m => (m.Phase, m.Status)).OrderBy(g => g.Key.Phase, StringComparer.Ordinal))
        {
            var sent = answered.Count(r => r.Phase == group.Key.Phase && r.Status == group.Key.Status);
            _problems.Add($"phase '{group.Key.Phase}', status {group.Key.Status}: {sent} answered, {sent - group.Sum(m => m.Count)} stored ({group.Sum(m => m.Count)} missing).");
        }

        foreach (var item in extra.Take(20))
        {
            _problems.Add($"phase '{item.Phase}', status {item.Status}: {item.Count} row(s) stored beyond what was sent, path {item.Path}.");
        }

        Summary = Summarize(answered, rows, unanswered.Values.Sum());
    }

    /// <summary>Rows missing from the ledger (answered requests not stored yet, or lost).</summary>
    public int Missing { get; }

    public int Duplicates { get; }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Per status: answered vs stored, over the whole run.</summary>
    public string Summary { get; }

    public static LedgerComparison Of(IReadOnlyCollection<SentRequest> journal, IReadOnlyList<LedgerRow> rows) => new(journal, rows);

    /// <summary>Extra rows for a path that also had unanswered sends: the gateway saw those, the client did not hear back.</summary>
    private static bool TryExplain(Dictionary<string, int> unanswered, string path, int difference)
    {
        if (unanswered.GetValueOrDefault(path) < difference)
        {
            return false;
        }

        unanswered[path] -= difference;
        return true;
    }

    private static string Summarize(List<SentRequest> answered, IReadOnlyList<LedgerRow> rows, int unanswered)
    {
        var text = new StringBuilder();
        foreach (var status in answered.Select(r => r.Status!.Value).Union(rows.Select(r => r.Status)).Order())
        {
            text.Append($"{status}: answered {answered.Count(r => r.Status == status)}, stored {rows.Count(r => r.Status == status)}; ");
        }

        return text.Append($"unanswered (not counted as sent) {unanswered}").ToString();
    }
}
