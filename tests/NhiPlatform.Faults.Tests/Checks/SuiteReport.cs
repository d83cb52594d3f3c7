using System.Collections.Concurrent;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>What went wrong, per phase, gathered over the whole run so one failure shows every difference at once.</summary>
internal sealed class SuiteReport
{
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyCollection<string> Problems => _problems;

    public void Problem(string phase, string text) => _problems.Enqueue($"[{phase}] {text}");

    public void Check(bool condition, string phase, string text)
    {
        if (!condition)
        {
            Problem(phase, text);
        }
    }

    public override string ToString() => string.Join(Environment.NewLine, _problems);
}
