using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings;

/// <summary>POSTs new high-severity findings as JSON to the configured webhook; a failure is logged, never fatal.</summary>
internal sealed class WebhookFindingNotifier(IHttpClientFactory httpClientFactory, IOptions<FindingsOptions> options, ILogger<WebhookFindingNotifier> logger)
    : IFindingNotifier
{
    public const string HttpClientName = "inventory-webhook";

    public async Task NotifyAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (options.Value.WebhookUrl is not { } url)
        {
            return;
        }

        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            var body = new FindingWebhookPayload("findings.new", [.. findings.Select(f => f.ToItem())]);
            using var response = await client.PostAsJsonAsync(url, body, cancellationToken);
            response.EnsureSuccessStatusCode();
            FindingsLog.WebhookSent(logger, findings.Count);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            FindingsLog.WebhookFailed(logger, exception, findings.Count);
        }
    }
}
