namespace NhiPlatform.Testing;

/// <summary>
/// One test class's own slice of the shared servers: a fresh PostgreSQL database (<c>t_&lt;n&gt;</c>) and a Redis
/// logical database (<c>127.0.0.1:PORT,defaultDatabase=N</c>) that no other test class uses.
/// </summary>
public sealed record TestEnvironment(string PostgresConnectionString, string RedisConnectionString);
