using Microsoft.Extensions.Logging;

namespace NhiPlatform.Client.Tokens;

/// <summary>
/// One identity's token for one scope set: reused until shortly before it expires, renewed by a single request
/// however many callers wait (single flight). If a renewal fails while the current token is still valid, callers
/// keep using it and the next call tries again.
/// </summary>
internal sealed class AccessTokenCache(TokenEndpointClient client, NhiAccessTokenOptions options, TimeProvider timeProvider, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedAccessToken? _current;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken) => (await GetTokenAsync(cancellationToken)).Value;

    /// <summary>The current token with its type.</summary>
    public async ValueTask<CachedAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && timeProvider.GetUtcNow() < current.RefreshAt)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && timeProvider.GetUtcNow() < current.RefreshAt)
            {
                return current;
            }

            try
            {
                var fresh = await FetchAsync(cancellationToken);
                _current = fresh;
                return fresh;
            }
            catch (Exception exception) when (exception is HttpRequestException or NhiAccessTokenException
                && current is not null && timeProvider.GetUtcNow() < current.ExpiresAt)
            {
                NhiClientLog.RenewalFailedUsingCurrent(logger, exception, options.ClientId, current.ExpiresAt);
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> if it is the cached one (the server refused it).</summary>
    public void Invalidate(string token)
    {
        if (_current?.Value == token)
        {
            _current = null;
        }
    }

    private async Task<CachedAccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var requestedAt = timeProvider.GetUtcNow();
        var response = await client.RequestAsync(cancellationToken);
        var lifetime = TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 1));
        var expiresAt = requestedAt + lifetime;
        var refreshAt = Min(expiresAt - options.RefreshBeforeExpiry, requestedAt + (lifetime * 0.8));
        NhiClientLog.TokenAcquired(logger, options.ClientId, response.Scope, expiresAt);
        return new CachedAccessToken(response.AccessToken!, expiresAt, refreshAt) { Type = response.TokenType ?? "Bearer" };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
