using NhiPlatform.AppHost.LocalServers;
using NhiPlatform.AppHost.RunState;
using NhiPlatform.Contracts;

namespace NhiPlatform.AppHost;

/// <summary>
/// PostgreSQL (<c>postgres</c>/<c>nhidb</c>) and Redis (<c>cache</c>): containers when published, so standard Aspire
/// deployment tooling turns them into Kubernetes resources; local processes when run, since this kind of machine has no
/// container engine (a container resource there waits forever instead of failing).
/// </summary>
internal static class BackingResourceExtensions
{
    public static IResourceBuilder<IResourceWithConnectionString> AddNhiDatabase(this IDistributedApplicationBuilder builder, RunSettings run) =>
        builder.ExecutionContext.IsPublishMode
            ? builder.AddPostgres(NhiResources.Postgres).WithDataVolume().AddDatabase(NhiResources.Database)
            : builder.AddLocalPostgres(NhiResources.Postgres, NhiResources.Database, run);

    public static IResourceBuilder<IResourceWithConnectionString> AddNhiCache(this IDistributedApplicationBuilder builder, RunSettings run) =>
        builder.ExecutionContext.IsPublishMode
            ? builder.AddRedis(NhiResources.Cache).WithDataVolume().WithPersistence(TimeSpan.FromSeconds(10))
            : builder.AddLocalRedis(NhiResources.Cache, run);

    /// <summary><c>ConnectionStrings:nhidb</c>, and waits until the database accepts the service's login.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> database) =>
        service.WithReference(database, NhiResources.Database).WaitFor(database);

    /// <summary><c>ConnectionStrings:cache</c>, and waits until Redis answers.</summary>
    public static IResourceBuilder<ProjectResource> WithCache(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> cache) =>
        service.WithReference(cache, NhiResources.Cache).WaitFor(cache);
}
