using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Client;
using NhiPlatform.Contracts;
using NhiPlatform.Samples.Orders.Extensions;

namespace NhiPlatform.Samples.Orders.Apis;

/// <summary>
/// Orders. Placing one charges it through billing, via the gateway, with the orders service's own identity
/// (NhiPlatform.Client gets and renews its token): the call the map shows as orders → billing.
/// </summary>
internal static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orders", ListOrders).WithName("ListOrders");
        app.MapPost("/orders", PlaceOrder).WithName("PlaceOrder");
        return app;
    }

    /// <summary>A fixed page of orders: the sample keeps no state, so any replica answers the same.</summary>
    public static Ok<Order[]> ListOrders() => TypedResults.Ok(Enumerable.Range(1, 5)
        .Select(i => new Order($"ord_{i:D4}", i * 1_250, "storefront", $"ch_sample_{i}"))
        .ToArray());

    public static async Task<Results<Created<Order>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest request, HttpRequest http, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (request.AmountCents is <= 0 or > 100_000_00)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["amountCents"] = ["Between 1 and 10,000,000."] });
        }

        var orderId = $"ord_{Guid.NewGuid():N}";
        var billing = clients.CreateClient(OrdersServiceCollectionExtensions.BillingClientName);
        try
        {
            using var response = await billing.PostAsJsonAsync("charges", new { orderId, amountCents = request.AmountCents }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return TypedResults.Problem($"Billing answered {(int)response.StatusCode}.", statusCode: StatusCodes.Status502BadGateway);
            }

            var charge = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var placedBy = http.Headers[NhiHeaders.ClientId].ToString();
            return TypedResults.Created($"/orders/{orderId}",
                new Order(orderId, request.AmountCents, placedBy, charge.GetProperty("chargeId").GetString()));
        }
        catch (Exception exception) when (exception is HttpRequestException or NhiAccessTokenException)
        {
            return TypedResults.Problem("Billing is unreachable.", statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
