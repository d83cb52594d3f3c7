namespace NhiPlatform.Inventory.Live;

/// <summary>Whether the holders of open streams may still read the inventory.</summary>
internal interface ILiveAccessCheck
{
    /// <summary>
    /// The holders that may not: their token was revoked or its identity cut off after it was issued (the token
    /// service's revocation data), or the catalogue shows the identity disabled, deleted, expired or without <c>nhi.read</c>.
    /// </summary>
    Task<IReadOnlySet<LiveHolder>> FindRevokedAsync(IReadOnlyCollection<LiveHolder> holders, DateTimeOffset now, CancellationToken cancellationToken);
}
