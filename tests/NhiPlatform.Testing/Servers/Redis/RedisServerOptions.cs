namespace NhiPlatform.Testing.Servers.Redis;

/// <summary>Where and how one redis-server runs.</summary>
internal sealed record RedisServerOptions
{
    /// <summary>Its working directory: the append-only file lives here (mode 700).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The loopback port; 0 picks a free one at first start and keeps it across restarts.</summary>
    public int Port { get; init; }

    /// <summary>Logical databases (<c>--databases</c>); the test fixture gives each test class its own.</summary>
    public int Databases { get; init; } = 16;

    /// <summary>redis-server's path; null looks on PATH, then in /usr/bin and /usr/local/bin.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>The label of its log lines and log file.</summary>
    public string Name { get; init; } = "redis";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
