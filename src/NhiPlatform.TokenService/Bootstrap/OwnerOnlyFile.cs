using System.Text.Json;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>Writes admin credentials where only the file's owner can read them, for the bootstrap admin and break-glass.</summary>
internal static class OwnerOnlyFile
{
    /// <summary>Writes to a temporary file created with mode 600, then renames it: never readable by others, never half written.</summary>
    public static async Task WriteAsync(string path, BootstrapCredentials credentials, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, streamOptions))
        {
            await JsonSerializer.SerializeAsync(stream, credentials, LocalRunJsonContext.Default.BootstrapCredentials, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
