namespace NhiPlatform.Samples.Orders.Apis;

/// <summary>Body of <c>POST /orders</c>.</summary>
public sealed record PlaceOrderRequest(long AmountCents);
