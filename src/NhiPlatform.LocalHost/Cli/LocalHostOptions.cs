namespace NhiPlatform.LocalHost.Cli;

/// <summary>The LocalHost's command-line options, parsed and validated.</summary>
internal sealed record LocalHostOptions
{
    public const int DefaultGatewayPort = 5080;

    /// <summary>Run state (endpoints.json, bootstrap.json, logs, run); null: <c>&lt;repo&gt;/.nhi</c>.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>PostgreSQL cluster and Redis AOF; null: <c>&lt;state-dir&gt;/data</c>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>null: 5080, or a free port when 5080 is taken; 0: a free port; else exactly this port.</summary>
    public int? GatewayPort { get; init; }

    public int GatewayReplicas { get; init; } = 1;

    /// <summary>Registers the demo identities and runs the demo traffic, so the map and findings fill within a minute.</summary>
    public bool Demo { get; init; }

    /// <summary>The build configuration whose service assemblies are started (Debug or Release).</summary>
    public required string Configuration { get; init; }
}
