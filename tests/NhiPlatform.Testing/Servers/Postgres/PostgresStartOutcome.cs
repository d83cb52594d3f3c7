namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>How waiting for a starting server ended.</summary>
internal enum PostgresStartOutcome
{
    Ready,
    PortInUse,
    Exited,
    TimedOut,
}
