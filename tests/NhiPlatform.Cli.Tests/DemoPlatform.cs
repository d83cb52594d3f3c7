namespace NhiPlatform.Cli.Tests;

/// <summary><c>./run.sh --demo</c>: the demo identities registered and their traffic running.</summary>
public sealed class DemoPlatform() : LocalPlatform(["--demo"]);
