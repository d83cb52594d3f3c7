namespace NhiPlatform.TokenService.Identities;

/// <summary>
/// Told after every committed identity change: wakes the outbox publisher at once and drops this replica's cached
/// copy (other replicas learn it from the published invalidation).
/// </summary>
internal sealed class IdentityChangeNotifier
{
    private readonly SemaphoreSlim _outboxSignal = new(0, int.MaxValue);

    public event Action<string>? Changed;

    public void Committed(string clientId)
    {
        Changed?.Invoke(clientId);
        _outboxSignal.Release();
    }

    /// <summary>Completes when a change was committed since the last wait (used by the outbox publisher).</summary>
    public Task WaitForCommitAsync(CancellationToken cancellationToken) => _outboxSignal.WaitAsync(cancellationToken);
}
