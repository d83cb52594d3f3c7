namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Optional body of disable, enable, delete and revoke: why (recorded in the audit log).</summary>
public sealed record ReasonRequest
{
    public string? Reason { get; init; }
}
