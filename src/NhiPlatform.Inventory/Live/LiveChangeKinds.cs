namespace NhiPlatform.Inventory.Live;

/// <summary>What changed, as the operator page's event stream names it.</summary>
internal static class LiveChangeKinds
{
    public const string Usage = "usage";
    public const string Identities = "identities";
    public const string Findings = "findings";
    public const string Credentials = "credentials";
}
