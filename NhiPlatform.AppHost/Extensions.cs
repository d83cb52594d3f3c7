using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.AppHost;

/// <summary>The AppHost's longer set-up steps, one named method each, so <c>Program.cs</c> stays the system diagram.</summary>
internal static class Extensions
{
    /// <summary>The run-state directory at the repository root, shared with the LocalHost and the <c>nhi</c> tooling.</summary>
    public const string StateDirectoryName = ".nhi";

    /// <summary>
    /// <c>&lt;repository&gt;/.nhi/bootstrap.json</c>: the AppHost project sits one level below the repository root.
    /// </summary>
    public static string BootstrapCredentialsFile(string appHostDirectory) =>
        Path.GetFullPath(Path.Combine(appHostDirectory, "..", StateDirectoryName, BootstrapCredentials.FileName));

    /// <summary>
    /// Gives a service its <c>http</c> endpoint. The services ship no launch profile (the LocalHost starts them from
    /// their built assemblies), so Aspire would give them no endpoint at all; one a launch profile declares is kept.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceHttpEndpoint(this IResourceBuilder<ProjectResource> service) =>
        service.WithEndpoint("http", endpoint => endpoint.UriScheme = "http", createIfNotExists: true);

    /// <summary>Sets process environment variables the runtime reads before configuration (<see cref="NhiProcessEnvironment"/>).</summary>
    public static IResourceBuilder<ProjectResource> WithProcessEnvironment(
        this IResourceBuilder<ProjectResource> service, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            service.WithEnvironment(name, value);
        }

        return service;
    }

    /// <summary>Sets <c>Nhi:Issuer</c> to the gateway's <c>http</c> endpoint, its public base URL.</summary>
    public static IResourceBuilder<ProjectResource> WithIssuer(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> gateway) =>
        service.WithEnvironment(
            NhiConfigurationKeys.ToEnvironmentVariable(NhiConfigurationKeys.Issuer), gateway.GetEndpoint("http"));

    /// <summary>
    /// Sets <c>Nhi:Bootstrap:CredentialsFile</c>: the token service writes the first admin identity there (mode 600)
    /// on first start, where the <c>nhi</c> tooling and the tests look. Only when running locally: a published
    /// deployment has no repository directory to write into.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBootstrapCredentialsFile(this IResourceBuilder<ProjectResource> tokens)
    {
        var builder = tokens.ApplicationBuilder;
        return builder.ExecutionContext.IsRunMode
            ? tokens.WithEnvironment(
                NhiConfigurationKeys.ToEnvironmentVariable(NhiConfigurationKeys.BootstrapCredentialsFile),
                BootstrapCredentialsFile(builder.AppHostDirectory))
            : tokens;
    }

    /// <summary><c>&lt;repository&gt;/.nhi/samples</c>: the sample identities' credentials files, as the LocalHost writes them.</summary>
    public static string SamplesCredentialsDirectory(string appHostDirectory) =>
        Path.GetFullPath(Path.Combine(appHostDirectory, "..", StateDirectoryName, "samples"));

    /// <summary>Gives the orders sample its credentials file (written by the seeding step, mode 600).</summary>
    public static IResourceBuilder<ProjectResource> WithSampleCredentialsFile(this IResourceBuilder<ProjectResource> orders) =>
        orders.WithEnvironment(
            NhiConfigurationKeys.ToEnvironmentVariable(NhiConfigurationKeys.SampleCredentialsFile),
            Path.Combine(SamplesCredentialsDirectory(orders.ApplicationBuilder.AppHostDirectory), NhiResources.Orders + ".json"));

    /// <summary>
    /// The one-shot step that registers the samples' identities through the gateway's admin API, as the bootstrap
    /// admin, and writes their credentials files: the demo traffic project run with <c>seed</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSampleSeed(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway) =>
        builder.AddProject<Projects.NhiPlatform_Samples_DemoTraffic>("samples-seed")
            .WithArgs("seed")
            .WithIssuer(gateway)
            .WithBootstrapCredentialsFile()
            .WithEnvironment(
                NhiConfigurationKeys.ToEnvironmentVariable(NhiConfigurationKeys.DemoCredentialsDirectory),
                SamplesCredentialsDirectory(builder.AppHostDirectory))
            .WaitFor(gateway);

    /// <summary>
    /// Serves Redis as plain TCP, as the LocalHost's redis-server does. Aspire 13 otherwise enables TLS with the
    /// ASP.NET Core developer certificate wherever one exists, and a machine that has it without trusting it (a CI
    /// runner) then fails the Redis health check and the services' connections.
    /// </summary>
    public static IResourceBuilder<RedisResource> WithoutDeveloperTls(this IResourceBuilder<RedisResource> cache)
    {
#pragma warning disable ASPIRECERTIFICATES001 // Evaluation API in Aspire 13; the documented way to turn Redis TLS off.
        return cache.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
