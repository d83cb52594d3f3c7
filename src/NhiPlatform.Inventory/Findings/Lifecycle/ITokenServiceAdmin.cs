namespace NhiPlatform.Inventory.Findings.Lifecycle;

/// <summary>The token service's admin API, as far as the lifecycle policy needs it.</summary>
internal interface ITokenServiceAdmin
{
    /// <summary>Disables an identity; returns the HTTP status.</summary>
    Task<int> DisableIdentityAsync(string clientId, string reason, CancellationToken cancellationToken);
}
