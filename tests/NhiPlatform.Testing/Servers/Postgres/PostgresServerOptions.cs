namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>Where and how one PostgreSQL server runs.</summary>
internal sealed record PostgresServerOptions
{
    /// <summary>
    /// The server's own directory: the cluster in <c>pg/</c> (created once by initdb) and the generated superuser
    /// password in <c>postgres.password</c> (mode 600).
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>The loopback port; 0 picks a free one at first start and keeps it across restarts.</summary>
    public int Port { get; init; }

    /// <summary>False for throwaway test clusters: no fsync (initdb --no-sync, fsync=off), much faster.</summary>
    public bool Durable { get; init; } = true;

    public string BinDirectory { get; init; } = PostgresBinaries.DefaultBinDirectory;

    /// <summary>The label of its log lines and log file.</summary>
    public string Name { get; init; } = "postgres";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public string ClusterDirectory => Path.Combine(DataDirectory, "pg");

    public string PasswordFile => Path.Combine(DataDirectory, "postgres.password");
}
