using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Imports;

/// <summary>A parsed import: every record, or the errors (then nothing is imported).</summary>
internal sealed record ImportParseResult(IReadOnlyList<CredentialRecord> Records, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0 && Records.Count > 0;

    public static ImportParseResult Fail(params string[] errors) => new([], errors);
}
