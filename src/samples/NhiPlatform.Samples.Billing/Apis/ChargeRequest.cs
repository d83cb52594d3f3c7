namespace NhiPlatform.Samples.Billing.Apis;

/// <summary>Body of <c>POST /charges</c>.</summary>
public sealed record ChargeRequest(string? OrderId, long AmountCents);
