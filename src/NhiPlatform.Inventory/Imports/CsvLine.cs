namespace NhiPlatform.Inventory.Imports;

/// <summary>One CSV record and the line it starts on.</summary>
internal sealed record CsvLine(int Number, IReadOnlyList<string> Fields);
