namespace NhiPlatform.Client.Tokens;

/// <summary>
/// Reads the external issuer's token from its file (the Kubernetes projected-token pattern: the kubelet rewrites it
/// before it expires), trimmed; a missing or empty file is a token-request failure, not a crash.
/// </summary>
internal static class FederatedTokenReader
{
    /// <summary>Far above any real token (Kubernetes tokens are about 1 KB): a wrong path to a big file is refused.</summary>
    private const int MaxTokenBytes = 64 * 1024;

    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxTokenBytes)
            {
                throw new NhiAccessTokenException("federated_token_unavailable", $"The federated token file '{path}' is too large.", null);
            }

            token = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new NhiAccessTokenException("federated_token_unavailable", $"The federated token file '{path}' cannot be read ({exception.GetType().Name}).", null);
        }

        return token.Length > 0
            ? token
            : throw new NhiAccessTokenException("federated_token_unavailable", $"The federated token file '{path}' is empty.", null);
    }
}
