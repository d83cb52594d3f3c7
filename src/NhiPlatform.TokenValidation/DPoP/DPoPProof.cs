namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>A proof that passed the stateless checks of RFC 9449 §4.3: its key's thumbprint, its id, its nonce if any.</summary>
public sealed record DPoPProof(string Thumbprint, string TokenId, DateTimeOffset IssuedAt, string? Nonce);
