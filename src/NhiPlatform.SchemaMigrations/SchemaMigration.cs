namespace NhiPlatform.SchemaMigrations;

/// <summary>One versioned migration script.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);
