namespace NhiPlatform.LocalHost.Topology;

/// <summary>The connection strings of the running PostgreSQL database and Redis, as services receive them.</summary>
internal sealed record BackingConnections(string Database, string Cache, int PostgresPort, int RedisPort);
