namespace NhiPlatform.Cli.Tests;

/// <summary><c>./run.sh --demo</c>: the demo identities registered and their traffic running.</summary>
public sealed class DemoPlatform : LocalPlatform
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Nhi:Host:Demo"] = "true" };
}
