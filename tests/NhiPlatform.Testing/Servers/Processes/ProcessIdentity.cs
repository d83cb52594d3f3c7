namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>A live process as <c>/proc</c> shows it: its start time (clock ticks since boot) and command line.</summary>
internal sealed record ProcessIdentity(int ProcessId, long StartTime, string CommandLine);
