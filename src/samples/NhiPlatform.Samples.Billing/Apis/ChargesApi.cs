using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;

namespace NhiPlatform.Samples.Billing.Apis;

/// <summary>
/// Charges. The gateway has checked the token and the <c>billing.charge</c> scope and forwards the verified client
/// id; a request without it did not come through the gateway and is refused.
/// </summary>
internal static class ChargesApi
{
    public static IEndpointRouteBuilder MapChargesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/charges", CreateCharge).WithName("CreateCharge");
        return app;
    }

    public static Results<Created<Charge>, ValidationProblem, ProblemHttpResult> CreateCharge(
        ChargeRequest request, HttpRequest http, TimeProvider timeProvider)
    {
        var caller = http.Headers[NhiHeaders.ClientId].ToString();
        if (caller.Length == 0)
        {
            return TypedResults.Problem("Calls must come through the gateway.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (string.IsNullOrWhiteSpace(request.OrderId) || request.AmountCents is <= 0 or > 100_000_00)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["charge"] = ["orderId is required and amountCents must be between 1 and 10,000,000."],
            });
        }

        var charge = new Charge($"ch_{Guid.NewGuid():N}", request.OrderId, request.AmountCents, caller, timeProvider.GetUtcNow());
        return TypedResults.Created($"/charges/{charge.ChargeId}", charge);
    }
}
