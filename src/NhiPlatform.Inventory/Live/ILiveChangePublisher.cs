namespace NhiPlatform.Inventory.Live;

/// <summary>Tells every inventory replica (and so every open operator page) that something changed.</summary>
internal interface ILiveChangePublisher
{
    Task PublishAsync(string kind, CancellationToken cancellationToken);
}
