using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Gateway.Authentication;

/// <summary>
/// When a token names a signing key the gateway does not hold yet (the token service has just rotated, e.g. an
/// emergency rotation that signs with the new key at once), fetch the token service's keys now and let the request
/// wait for them, instead of refusing it and refreshing in the background as JwtBearer does. One refresh at a time is
/// shared by every waiting request; a refresh that found nothing new is not repeated for <see cref="QuietPeriod"/>, so
/// tokens with made-up key ids cost at most one key fetch per period and never hold requests beyond <see cref="MaxWait"/>.
/// </summary>
internal sealed class UnknownKeyRefresh(TimeProvider timeProvider)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private Task<bool>? _refresh;
    private DateTimeOffset _quietUntil = DateTimeOffset.MinValue;

    /// <summary>True when the keys changed from <paramref name="seen"/>: validating again may now succeed.</summary>
    public Task<bool> RefreshAsync(BaseConfigurationManager configurationManager, object? seen)
    {
        lock (_gate)
        {
            if (_refresh is { IsCompleted: false } running)
            {
                return running;
            }

            if (timeProvider.GetUtcNow() < _quietUntil)
            {
                return Task.FromResult(false);
            }

            return _refresh = WaitForNewKeysAsync(configurationManager, seen);
        }
    }

    private async Task<bool> WaitForNewKeysAsync(BaseConfigurationManager configurationManager, object? seen)
    {
        var started = timeProvider.GetTimestamp();
        var changed = false;
        try
        {
            // RequestRefresh makes the next read start a fetch; the read itself returns the keys held until it completes.
            configurationManager.RequestRefresh();
            while (!changed && timeProvider.GetElapsedTime(started) < MaxWait)
            {
                var current = await configurationManager.GetBaseConfigurationAsync(CancellationToken.None);
                changed = !ReferenceEquals(current, seen);
                if (!changed)
                {
                    await Task.Delay(PollInterval, timeProvider);
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The token service is unreachable: the keys held stay in use and the token is refused as before.
        }

        lock (_gate)
        {
            _quietUntil = timeProvider.GetUtcNow() + QuietPeriod;
        }

        return changed;
    }
}
