using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;

namespace NhiPlatform.Inventory.Apis;

/// <summary>Who owns the account behind a token: by <c>jti</c> (the ledger), or by a raw token read but never trusted.</summary>
internal static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        app.Reads("Tokens").MapGet("/tokens/{tokenId}/owner", GetTokenOwner).WithName("GetTokenOwner");

        // POST, so the gateway asks nhi.admin: a raw token is sensitive. The page decodes tokens locally and asks by jti.
        app.Writes("Tokens").MapPost("/tokens/inspect", InspectToken).WithName("InspectToken");
        return app;
    }

    public static async Task<Results<Ok<TokenOwner>, ProblemHttpResult>> GetTokenOwner(
        string tokenId, IInventoryReader reader, CancellationToken cancellationToken)
    {
        var usage = (await reader.FindTokenUsageAsync(tokenId, cancellationToken)).FirstOrDefault();
        if (usage is null)
        {
            return TypedResults.Problem(title: "Unknown token", detail: "No call with this token id is in the ledger (within retention).", statusCode: 404);
        }

        var identity = await reader.GetIdentityAsync(usage.Caller, cancellationToken);
        return TypedResults.Ok(new TokenOwner
        {
            TokenId = tokenId, ClientId = usage.CallerKind == "identity" ? usage.Caller : null, DisplayName = identity?.DisplayName,
            Owner = identity?.Owner, Status = identity?.Status, Verified = true, FirstSeen = usage.FirstSeen, LastSeen = usage.LastSeen,
            Calls = usage.Calls, Basis = "ledger: the gateway verified this token when it was used",
        });
    }

    public static async Task<Results<Ok<TokenOwner>, ValidationProblem>> InspectToken(
        InspectTokenRequest body, IInventoryReader reader, InventoryIssuer issuer, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(body.Token?.Trim() ?? string.Empty);
        }
        catch (ArgumentException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["Not a JWT (three base64url parts)."] });
        }

        var clientId = Claim(token, "client_id") ?? Claim(token, "sub");
        var tokenId = Claim(token, "jti");
        var identity = clientId is null ? null : await reader.GetIdentityAsync(clientId, cancellationToken);
        var usage = tokenId is null ? null : (await reader.FindTokenUsageAsync(tokenId, cancellationToken)).FirstOrDefault();
        var tokenIssuer = Claim(token, "iss");
        return TypedResults.Ok(new TokenOwner
        {
            TokenId = tokenId, ClientId = clientId, DisplayName = identity?.DisplayName, Owner = identity?.Owner, Status = identity?.Status,
            Verified = false, Issuer = tokenIssuer,
            IssuerIsOurs = tokenIssuer is null ? null : string.Equals(tokenIssuer.TrimEnd('/'), issuer.Value.TrimEnd('/'), StringComparison.Ordinal),
            ExpiresAt = token.TryGetPayloadValue<long>("exp", out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : null,
            FirstSeen = usage?.FirstSeen, LastSeen = usage?.LastSeen, Calls = usage?.Calls ?? 0,
            Basis = "claims read without validation: a lead, not proof",
        });
    }

    private static string? Claim(JsonWebToken token, string name) => token.TryGetPayloadValue<string>(name, out var value) ? value : null;
}
