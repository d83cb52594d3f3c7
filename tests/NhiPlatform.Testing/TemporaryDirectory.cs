using NhiPlatform.Testing.Servers.Processes;

namespace NhiPlatform.Testing;

/// <summary>
/// A fresh directory under the system temp directory (<c>nhi-test-&lt;purpose&gt;-*</c>), searchable by others so that
/// PostgreSQL can run there as the postgres OS user, deleted on dispose. Processes started for it are listed in its
/// <see cref="PidFile"/>; a directory whose test process died without cleaning up is swept (its processes stopped,
/// the directory deleted) the next time any test creates one.
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    internal const string Prefix = "nhi-test-";
    internal const string OwnerFileName = ".owner";
    internal const string PidFileName = ".pids";

    private TemporaryDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    internal string PidFilePath => System.IO.Path.Combine(Path, PidFileName);

    public static async Task<TemporaryDirectory> CreateAsync(string purpose, CancellationToken cancellationToken)
    {
        await StaleTestDirectories.SweepAsync(cancellationToken);
        var info = Directory.CreateTempSubdirectory(Prefix + purpose + "-");
        File.SetUnixFileMode(info.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var self = UnixProcess.TryDescribe(Environment.ProcessId);
        var marker = self?.CommandLine.Split(' ')[0] is { Length: > 0 } program ? program : "dotnet";
        var owner = new ProcessRecord(Environment.ProcessId, self?.StartTime ?? 0, UnixProcess.SigTerm, "test", marker);
        File.WriteAllText(System.IO.Path.Combine(info.FullName, OwnerFileName), owner.ToLine());
        return new TemporaryDirectory(info.FullName);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Swept later.
        }
    }
}
