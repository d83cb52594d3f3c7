namespace NhiPlatform.AppHost.LocalServers;

/// <summary>
/// PostgreSQL 15 run by the orchestrator as a local process (run mode on a machine without a container engine). Its
/// connection string is the services' login role on the one database, over TCP on loopback.
/// </summary>
internal sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    /// <summary>The login role the services use: it owns <see cref="DatabaseName"/>; the superuser has no password and no TCP login.</summary>
    public const string RoleName = "nhi";

    public required string DatabaseName { get; init; }

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={RoleName};Password={Password};Database={DatabaseName}");
}
