namespace NhiPlatform.Testing.Servers;

/// <summary>A test server (PostgreSQL, redis-server) could not start; the message says why and what to do.</summary>
internal sealed class ServerStartException : Exception
{
    public ServerStartException(string message) : base(message)
    {
    }

    public ServerStartException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
