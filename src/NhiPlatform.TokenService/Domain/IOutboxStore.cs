namespace NhiPlatform.TokenService.Domain;

/// <summary>The outbox of committed changes still to deliver to Redis.</summary>
internal interface IOutboxStore
{
    /// <summary>
    /// Runs <paramref name="deliver"/> on the oldest unsent messages (in order, one replica at a time) and marks the
    /// delivered prefix sent; returns how many were sent.
    /// </summary>
    Task<int> DeliverAsync(int batchSize, Func<OutboxMessage, CancellationToken, Task> deliver, DateTimeOffset now, CancellationToken cancellationToken);
}
