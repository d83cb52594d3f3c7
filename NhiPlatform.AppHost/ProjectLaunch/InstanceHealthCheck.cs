using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NhiPlatform.Contracts;

namespace NhiPlatform.AppHost.ProjectLaunch;

/// <summary>
/// Run mode's health check of a service: its <c>/health</c> answers 200 and names the instance this AppHost started
/// (<c>Nhi-Instance</c>, from the <c>Nhi:InstanceId</c> it was given). A port answered by another process, such as
/// another clone's gateway on the same machine, is unhealthy and said to be, instead of passing for ours.
/// </summary>
internal sealed class InstanceHealthCheck(string service, Func<Uri> address, string instance, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "nhi-instance-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var uri = address();
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, cancellationToken);
            var answeredBy = response.Headers.TryGetValues(NhiConfigurationKeys.InstanceHeader, out var values) ? values.FirstOrDefault() : null;
            if (answeredBy != instance)
            {
                return HealthCheckResult.Unhealthy($"{uri} is answered by another process, not the {service} this AppHost started");
            }

            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{uri} answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy($"{uri} does not answer: {exception.Message}");
        }
    }
}

internal static class InstanceHealthCheckExtensions
{
    /// <summary>
    /// Run mode: gives the service a name for this run's instance and checks <paramref name="path"/> with
    /// <see cref="InstanceHealthCheck"/>; publish mode: Aspire's HTTP health check (the deployment has its own probes).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithInstanceHealthCheck(this IResourceBuilder<ProjectResource> service, string path)
    {
        var builder = service.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode)
        {
            return service.WithHttpHealthCheck(path);
        }

        var instance = Guid.NewGuid().ToString("N");
        var endpoint = service.GetEndpoint("http");
        var key = $"{service.Resource.Name}_instance_health";
        // Refused connections are the normal answer while a service starts: the check's result says it, not a log line.
        builder.Services.AddHttpClient(InstanceHealthCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5)).RemoveAllLoggers();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key,
            services => new InstanceHealthCheck(service.Resource.Name, () => new Uri(new Uri(endpoint.Url), path), instance,
                services.GetRequiredService<IHttpClientFactory>()),
            failureStatus: null,
            tags: null));
        return service
            .WithEnvironment(NhiConfigurationKeys.ToEnvironmentVariable(NhiConfigurationKeys.InstanceId), instance)
            .WithHealthCheck(key);
    }
}
