namespace NhiPlatform.Testing.Attacks;

/// <summary>One forged or bent token and the status a gateway must answer it with (401, or 403 for a scope look-alike).</summary>
public sealed record AttackCase(string Name, Func<AttackTarget, string> Forge, int Status)
{
    /// <summary>The RFC 6750 §3.1 error code that goes with <see cref="Status"/>.</summary>
    public string Error => Status == 401 ? "invalid_token" : "insufficient_scope";

    public override string ToString() => Name;
}
