namespace NhiPlatform.Samples.Orders.Apis;

/// <summary>An order and the charge billing made for it.</summary>
public sealed record Order(string OrderId, long AmountCents, string PlacedBy, string? ChargeId);
