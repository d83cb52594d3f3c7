namespace NhiPlatform.Cli.Tests;

/// <summary><c>./run.sh</c>: the platform and its samples.</summary>
public sealed class RunningPlatform : LocalPlatform;
