using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.ServiceDefaults.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Aspire's ServiceDefaults template uses this namespace so that Program.cs needs no using; we keep it.
namespace Microsoft.Extensions.Hosting;

/// <summary>What every NhiPlatform service shares: telemetry, health, service discovery, resilience, time.</summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    internal const string LiveTag = "live";
    private const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBrokenOffRequestLogging();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// A client that breaks a request off halfway makes Kestrel and YARP log an exception with a stack trace of kilobytes;
    /// the factory's Kestrel and YARP loggers turn those into one short line (<see cref="BrokenOffRequestLogger"/>).
    /// </summary>
    public static IServiceCollection AddBrokenOffRequestLogging(this IServiceCollection services)
    {
        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new BrokenOffRequestLoggerFactory(provider.GetRequiredService<LoggerFactory>())));
        return services;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("NhiPlatform.*"));

        // Spans only where they are exported: recorded with no exporter they cost every request (a span per inbound
        // and per outbound call, with tags) and nobody reads them. W3C trace context is still propagated without them.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[NhiConfigurationKeys.OtlpEndpoint]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(builder.Environment.ApplicationName)
                    .AddSource("NhiPlatform.*")
                    .AddAspNetCoreInstrumentation(options =>
                        options.Filter = context =>
                            !context.Request.Path.StartsWithSegments(HealthPath)
                            && !context.Request.Path.StartsWithSegments(AlivePath))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }
        else if (builder.Configuration[$"Logging:LogLevel:{HostingDiagnosticsCategory}"] is null)
        {
            // Hosting starts an Activity for every request whenever this category can log at all (its log scopes carry
            // trace ids), and HttpClient then starts a second one per outbound call: a few percent of the gateway's CPU per
            // request with nothing reading them. Without them a caller's traceparent still goes downstream unchanged.
            // Its own lines (request starting/finished) are Information and below; configuring the category wins.
            builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> (ready: every check, including PostgreSQL and Redis) and <c>/alive</c> (live: the process).
    /// Both exist in every environment and answer only <c>Healthy</c>/<c>Unhealthy</c>: no detail to anonymous callers.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // The instance name the host gave us, in every answer: its probe then knows it reached us, not another process.
        var instance = app.Configuration[NhiConfigurationKeys.InstanceId];
        var ready = string.IsNullOrEmpty(instance)
            ? new HealthCheckOptions()
            : new HealthCheckOptions
            {
                ResponseWriter = (context, report) =>
                {
                    context.Response.Headers[NhiConfigurationKeys.InstanceHeader] = instance;
                    return HealthCheckResponseWriter(context, report);
                },
            };
        app.MapHealthChecks(HealthPath, ready).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous()
            .DisableHttpMetrics();
        return app;
    }

    /// <summary>ASP.NET Core's default: the status as plain text.</summary>
    private static Task HealthCheckResponseWriter(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
