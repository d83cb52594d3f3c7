using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;

namespace NhiPlatform.Inventory.Apis;

/// <summary>The catalogue: every identity, and one identity's full card.</summary>
internal static class IdentitiesApi
{
    public static IEndpointRouteBuilder MapIdentitiesApi(this IEndpointRouteBuilder app)
    {
        var reads = app.Reads("Identities");
        reads.MapGet("/identities", ListIdentities).WithName("ListInventoryIdentities");
        reads.MapGet("/identities/{clientId}", GetIdentityCard).WithName("GetIdentityCard");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<IdentityRecord>>> ListIdentities(IInventoryReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ListIdentitiesAsync(cancellationToken));

    public static async Task<Results<Ok<IdentityCard>, ProblemHttpResult>> GetIdentityCard(
        string clientId, IInventoryReader reader, IFindingStore findings, IOptions<FindingsOptions> options, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var card = await BuildCardAsync(clientId, reader, findings, options.Value, timeProvider.GetUtcNow(), cancellationToken);
        return card is null
            ? TypedResults.Problem(title: "Unknown identity", detail: $"No identity or caller '{clientId}' is known.", statusCode: 404)
            : TypedResults.Ok(card);
    }

    public static async Task<IdentityCard?> BuildCardAsync(
        string clientId, IInventoryReader reader, IFindingStore findings, FindingsOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var identity = await reader.GetIdentityAsync(clientId, cancellationToken);
        var usage = await reader.GetCallerAsync(clientId, cancellationToken);
        if (identity is null && usage is null)
        {
            return null;
        }

        var credentials = await reader.GetCredentialsAsync(new CredentialQuery(ClientId: clientId), cancellationToken);
        var lastUse = usage?.LastSeen ?? identity?.CreatedAt;
        return new IdentityCard
        {
            ClientId = clientId,
            Identity = identity,
            Usage = usage,
            Dormant = identity is { Status: "active" } && lastUse < now - options.DormantWindow,
            Credentials = [.. credentials.Select(c => CredentialItem.From(c, now))],
            Routes = await reader.GetEdgesAsync(clientId, null, null, cancellationToken),
            Sources = await reader.GetSourcesAsync(clientId, cancellationToken),
            Findings = [.. (await findings.ListAsync(new FindingFilter(ClientId: clientId), cancellationToken)).Select(f => f.ToItem())],
        };
    }
}
