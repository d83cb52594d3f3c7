namespace NhiPlatform.Faults.Tests.Platform;

/// <summary>One console line of a resource instance, as the orchestrator captured it (timestamp first).</summary>
internal sealed record ResourceLogLine(string Resource, string Instance, string Text);
