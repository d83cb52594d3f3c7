using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Gateway.Authentication;

/// <summary>Validated-token cache settings (<c>Nhi:Gateway:TokenCache</c>).</summary>
internal sealed class ValidatedTokenCacheOptions
{
    public const string SectionName = "TokenCache";

    /// <summary>
    /// Most tokens remembered as validated. Beyond it new tokens are validated in full every time (never evicting a
    /// live entry), so memory stays bounded whatever callers send: only tokens that passed validation are ever stored.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxEntries { get; set; } = 10_000;
}
