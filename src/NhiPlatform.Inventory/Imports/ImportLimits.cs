namespace NhiPlatform.Inventory.Imports;

/// <summary>Bounds of one import request.</summary>
internal static class ImportLimits
{
    /// <summary>Largest import body read (bytes).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxRecords = 10_000;
}
