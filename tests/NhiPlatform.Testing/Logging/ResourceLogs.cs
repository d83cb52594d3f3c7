using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace NhiPlatform.Testing.Logging;

/// <summary>
/// The console logs of an AppHost's resources, read in full from the orchestrator each time they are asked for (not
/// from a live stream a test could fall behind on): every line a resource has written so far, in order.
/// </summary>
public sealed partial class ResourceLogs(DistributedApplication app)
{
    /// <summary>Every line <paramref name="resource"/> (every replica of it) has written so far.</summary>
    public async Task<IReadOnlyList<ResourceLogLine>> ReadAsync(string resource, CancellationToken cancellationToken = default)
    {
        var lines = new List<ResourceLogLine>();
        await foreach (var line in ReadAsync(Find(resource), cancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Every line of every service and backing server.</summary>
    public async Task<IReadOnlyList<ResourceLogLine>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var lines = new List<ResourceLogLine>();
        foreach (var resource in Model.Resources.Where(resource => resource is ProjectResource or ExecutableResource))
        {
            await foreach (var line in ReadAsync(resource, cancellationToken))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private DistributedApplicationModel Model => app.Services.GetRequiredService<DistributedApplicationModel>();

    private IResource Find(string resource) =>
        Model.Resources.SingleOrDefault(candidate => candidate.Name == resource)
        ?? throw new ArgumentException($"The AppHost has no resource {resource}.", nameof(resource));

    private async IAsyncEnumerable<ResourceLogLine> ReadAsync(IResource resource, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(cancellationToken))
        {
            foreach (var line in batch)
            {
                yield return new ResourceLogLine(resource.Name, Timestamp().Replace(line.Content, string.Empty, 1));
            }
        }
    }

    /// <summary>The orchestrator's timestamp before each line.</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\S+Z ")]
    private static partial Regex Timestamp();
}

/// <summary>One console line of one resource, as the resource wrote it.</summary>
public sealed record ResourceLogLine(string Resource, string Text);
