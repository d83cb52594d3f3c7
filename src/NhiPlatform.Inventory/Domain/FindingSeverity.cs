namespace NhiPlatform.Inventory.Domain;

internal static class FindingSeverity
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    public static int Rank(string severity) => severity switch { High => 3, Medium => 2, Low => 1, _ => 0 };
}
