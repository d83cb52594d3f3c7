using System.Text.Json;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>
/// Creates the first admin identity once, and writes its secret to a mode-600 file (never to a log). Replicas
/// starting together race on the insert; only the one that created the identity writes the file.
/// </summary>
internal sealed class BootstrapAdminCreator(
    IdentityRegistrar registrar, IIdentityStore store, IOptions<BootstrapOptions> options, IOptions<TokenServiceOptions> tokenOptions,
    ILogger<BootstrapAdminCreator> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var file = options.Value.CredentialsFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        if (await store.FindAsync(BootstrapOptions.AdminClientId, cancellationToken) is not null)
        {
            if (!File.Exists(file))
            {
                BootstrapLog.CredentialsFileMissing(logger, BootstrapOptions.AdminClientId, file);
            }

            return;
        }

        var registered = await registrar.RegisterAsync(new NewIdentity(
            BootstrapOptions.AdminClientId, "NhiPlatform bootstrap administrator", "platform",
            "First administrator, created on first start to register the other identities.",
            [NhiScopes.Admin, NhiScopes.Read]), actor: "bootstrap", cancellationToken);
        if (registered is null)
        {
            return;
        }

        var credentials = new BootstrapCredentials
        {
            ClientId = registered.Identity.ClientId,
            ClientSecret = registered.ClientSecret,
            TokenEndpoint = tokenOptions.Value.TokenEndpoint.ToString(),
            Scope = string.Join(' ', registered.Identity.AllowedScopes),
        };
        await WriteOwnerOnlyAsync(file, credentials, cancellationToken);
        BootstrapLog.AdminCreated(logger, credentials.ClientId, file);
    }

    /// <summary>Writes to a temporary file created with mode 600, then renames it: never readable by others, never half written.</summary>
    private static async Task WriteOwnerOnlyAsync(string path, BootstrapCredentials credentials, CancellationToken cancellationToken)
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
