using System.Text.Json;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.LocalHost.LocalRun;

/// <summary><c>endpoints.json</c>: written (atomically) once everything is healthy, deleted at shutdown.</summary>
internal static class EndpointsFile
{
    public static async Task WriteAsync(string path, EndpointsDocument document, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, document, LocalRunJsonContext.Default.EndpointsDocument, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(string path) => File.Delete(path);
}
