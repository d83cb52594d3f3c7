namespace NhiPlatform.Inventory.Findings.Lifecycle;

/// <summary>
/// The lifecycle policy (<c>Nhi:Inventory:Lifecycle</c>): off by default. When on, dormant identities with an open
/// finding are disabled through the token service's admin API with the inventory's own admin client.
/// </summary>
internal sealed class LifecycleOptions
{
    public const string SectionName = "Lifecycle";

    public bool DisableDormant { get; set; }

    /// <summary>The inventory's admin client (scope <c>nhi.admin</c>), required when <see cref="DisableDormant"/> is on.</summary>
    public string? AdminClientId { get; set; }

    public string? AdminClientSecret { get; set; }

    public string Reason { get; set; } = "dormant: disabled by the inventory lifecycle policy";
}
