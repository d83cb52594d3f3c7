using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Apis;

/// <summary>
/// Live updates for the operator page. An EventSource cannot send a bearer token, so the page first asks
/// <c>GET /api/inventory/live/ticket</c> (bearer, <c>nhi.read</c>) for a single-use ticket valid for seconds, then opens
/// <c>/ui/events?ticket=…</c> (under the gateway's anonymous <c>/ui/</c> route). The stream only says what kind of
/// thing changed; the page then re-reads the data with its token.
/// </summary>
internal static class LiveApi
{
    public const string EventsPath = "/ui/events";

    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        app.Reads("Live").MapGet("/live/ticket", IssueTicket).WithName("IssueLiveTicket");
        app.MapGet(EventsPath, StreamEvents).WithName("LiveEvents").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Ok<LiveTicket>> IssueTicket(
        ClaimsPrincipal user, ILiveTicketStore tickets, IOptions<LiveOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.TicketLifetime;
        var ticket = await tickets.IssueAsync(user.Actor(), lifetime, cancellationToken);
        return TypedResults.Ok(new LiveTicket(ticket, timeProvider.GetUtcNow().Add(lifetime), $"{EventsPath}?ticket={ticket}"));
    }

    public static async Task<IResult> StreamEvents(
        [FromQuery] string? ticket, HttpContext context, ILiveTicketStore tickets, LiveUpdates updates, IOptions<LiveOptions> options,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (ticket is null || await tickets.RedeemAsync(ticket, cancellationToken) is null)
        {
            return TypedResults.Problem(title: "Invalid ticket", detail: "Ask /api/inventory/live/ticket for a new one.", statusCode: 401);
        }

        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        var (id, reader) = updates.Subscribe();
        try
        {
            await response.WriteAsync("retry: 1000\nevent: ready\ndata: {}\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var keepAlive = new CancellationTokenSource(options.Value.KeepAlive, timeProvider);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, keepAlive.Token);
                string frame;
                try
                {
                    var kind = await reader.ReadAsync(wait.Token);
                    frame = $"event: changed\ndata: {{\"kind\":\"{kind}\"}}\n\n";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    frame = ": keep-alive\n\n";
                }

                await response.WriteAsync(frame, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            updates.Unsubscribe(id);
        }

        return TypedResults.Empty;
    }
}
