using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Apis;

/// <summary>
/// Live updates for the operator page. An EventSource cannot send a bearer token, so the page first asks
/// <c>GET /api/inventory/live/ticket</c> (bearer, <c>nhi.read</c>) for a single-use ticket valid for seconds, then opens
/// <c>/ui/events?ticket=…</c> (under the gateway's anonymous <c>/ui/</c> route). The stream only says what kind of
/// thing changed; the page then re-reads the data with its token. Tickets outstanding and streams open are bounded per
/// identity (429), and a stream ends (<c>event: ended</c>) once its identity may no longer read (<see cref="LiveAccessMonitor"/>).
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

    public static async Task<Results<Ok<LiveTicket>, ProblemHttpResult>> IssueTicket(
        ClaimsPrincipal user, ILiveTicketStore tickets, ILiveAccessCheck access, IOptions<LiveOptions> options, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var holder = new LiveHolder(user.Actor(), user.FindFirst(NhiClaims.TokenId)?.Value,
            long.TryParse(user.FindFirst(NhiClaims.IssuedAt)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var iat) ? iat : 0);
        var now = timeProvider.GetUtcNow();
        if ((await access.FindRevokedAsync([holder], now, cancellationToken)).Count > 0)
        {
            return Forbidden();
        }

        var lifetime = options.Value.TicketLifetime;
        var ticket = await tickets.IssueAsync(holder, lifetime, options.Value.MaxTicketsPerIdentity, now, cancellationToken);
        return ticket is null
            ? TooMany($"At most {options.Value.MaxTicketsPerIdentity} unused tickets per identity; use one or let it expire.")
            : TypedResults.Ok(new LiveTicket(ticket, now.Add(lifetime), $"{EventsPath}?ticket={ticket}"));
    }

    public static async Task<IResult> StreamEvents(
        [FromQuery] string? ticket, HttpContext context, ILiveTicketStore tickets, ILiveAccessCheck access, LiveUpdates updates,
        IOptions<LiveOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var holder = ticket is null ? null : await tickets.RedeemAsync(ticket, cancellationToken);
        if (holder is null)
        {
            return TypedResults.Problem(title: "Invalid ticket", detail: "Ask /api/inventory/live/ticket for a new one.", statusCode: 401);
        }

        var settings = options.Value;
        if ((await access.FindRevokedAsync([holder], timeProvider.GetUtcNow(), cancellationToken)).Count > 0)
        {
            return Forbidden();
        }

        var id = Guid.NewGuid();
        if (!await tickets.TryOpenStreamAsync(holder.ClientId, id, settings.MaxStreamsPerIdentity, settings.StreamLease, timeProvider.GetUtcNow(), cancellationToken))
        {
            return TooMany($"At most {settings.MaxStreamsPerIdentity} open event streams per identity.");
        }

        try
        {
            var (reader, ended) = updates.Subscribe(id, holder);
            await LiveStreamWriter.WriteAsync(context.Response, reader, ended, settings.KeepAlive, timeProvider, cancellationToken);
        }
        finally
        {
            updates.Unsubscribe(id);
            await tickets.CloseStreamAsync(holder.ClientId, id, CancellationToken.None);
        }

        return TypedResults.Empty;
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(title: "No read access", detail: "The identity may no longer read the inventory.", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult TooMany(string detail) =>
        TypedResults.Problem(title: "Too many", detail: detail, statusCode: StatusCodes.Status429TooManyRequests);
}
