namespace NhiPlatform.AppHost.LocalServers;

/// <summary>redis-server run by the orchestrator as a local process, with a password, on loopback.</summary>
internal sealed class LocalRedisResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => new(this, EndpointName);

    /// <summary>The StackExchange.Redis form, as Aspire gives it for its Redis container.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"127.0.0.1:{Endpoint.Property(EndpointProperty.Port)},password={Password}");
}
