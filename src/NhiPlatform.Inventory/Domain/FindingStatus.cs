namespace NhiPlatform.Inventory.Domain;

internal static class FindingStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static bool IsKnown(string status) => status is Open or Acknowledged or Resolved;
}
