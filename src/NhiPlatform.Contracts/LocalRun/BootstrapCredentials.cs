namespace NhiPlatform.Contracts.LocalRun;

/// <summary>
/// <c>.nhi/bootstrap.json</c> (mode 600): the first admin identity, written once by the token service on first
/// start at <see cref="NhiConfigurationKeys.BootstrapCredentialsFile"/>. Never logged.
/// </summary>
public sealed record BootstrapCredentials
{
    public const string FileName = "bootstrap.json";

    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required string TokenEndpoint { get; init; }
    public required string Scope { get; init; }
}
