namespace NhiPlatform.Samples.Billing.Apis;

/// <summary>A charge, with the verified identity that asked for it (from the gateway's X-Nhi-Client-Id).</summary>
public sealed record Charge(string ChargeId, string OrderId, long AmountCents, string ChargedFor, DateTimeOffset ChargedAt);
