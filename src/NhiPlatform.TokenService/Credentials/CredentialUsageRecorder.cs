using System.Collections.Concurrent;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>
/// Records "last used" for credentials off the hot path: the token endpoint notes the id in memory and this
/// service writes the batch every few seconds (and at shutdown).
/// </summary>
internal sealed class CredentialUsageRecorder(IIdentityStore store, TimeProvider timeProvider, ILogger<CredentialUsageRecorder> logger)
    : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, byte> _used = new();

    public void Record(Guid credentialId) => _used.TryAdd(credentialId, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FlushInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await FlushAsync(stoppingToken);
        }

        await FlushAsync(CancellationToken.None);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var ids = _used.Keys.ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        foreach (var id in ids)
        {
            _used.TryRemove(id, out _);
        }

        try
        {
            await store.MarkUsedAsync(ids, timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CredentialsLog.UsageFlushFailed(logger, exception, ids.Length);
        }
    }
}
