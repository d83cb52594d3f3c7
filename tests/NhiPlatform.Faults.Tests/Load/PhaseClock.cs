namespace NhiPlatform.Faults.Tests.Load;

/// <summary>The phase the suite is in: every request is labelled with it, so a failure names the phase it happened in.</summary>
internal sealed class PhaseClock
{
    private volatile string _current = "setup";

    public string Current => _current;

    public void Enter(string phase) => _current = phase;
}
