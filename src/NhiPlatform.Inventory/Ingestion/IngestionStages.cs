namespace NhiPlatform.Inventory.Ingestion;

/// <summary>The steps of one batch, as tagged on <c>nhi.inventory.ingestion.stage</c> (where a batch's time goes).</summary>
internal static class IngestionStages
{
    public const string Read = "read";
    public const string Parse = "parse";
    public const string Existing = "existing";
    public const string Copy = "copy";
    public const string ReadModels = "read_models";
    public const string Commit = "commit";
    public const string Store = "store";
    public const string Acknowledge = "ack";
}
