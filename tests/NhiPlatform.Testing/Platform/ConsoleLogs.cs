using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Platform;

/// <summary>
/// Makes every service of the AppHost write its console log at <paramref name="level"/> for every category, one line
/// per entry (category, event id, scopes and message; an exception follows on its own lines), without colours, so a
/// test can read what each service logged from the orchestrator.
/// </summary>
public static class ConsoleLogs
{
    public static void WriteConsoleLogsAt(this IDistributedApplicationTestingBuilder builder, LogLevel level)
    {
        foreach (var service in builder.Resources.OfType<ProjectResource>().ToArray())
        {
            builder.CreateResourceBuilder(service)
                .WithEnvironment("Logging__Console__FormatterOptions__SingleLine", "true")
                .WithEnvironment("Logging__Console__FormatterOptions__IncludeScopes", "true")
                .WithEnvironment("Logging__Console__FormatterOptions__ColorBehavior", "Disabled")
                // Rules of the console provider alone replace the services' category rules for it (the OTLP logs keep them).
                .WithEnvironment("Logging__Console__LogLevel__Default", level.ToString());
        }
    }
}
