namespace NhiPlatform.Cli;

/// <summary>What <c>nhi</c> returns, for scripts and CI gates.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int Usage = 2;

    /// <summary><c>findings list --fail-on</c>: a finding at or above the threshold exists.</summary>
    public const int FindingsAtThreshold = 3;
}
