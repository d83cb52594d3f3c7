using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// The tokens an exchanged token descends from (<see cref="NhiClaims.ExchangedFrom"/>): revoking an ancestor ends its
/// descendants, so a stolen token cannot be laundered through an exchange before it is revoked.
/// </summary>
internal static class ExchangeChain
{
    /// <summary>The token's ancestors, nearest first; a chain longer than the limit is cut (it is refused when checked).</summary>
    public static IReadOnlyList<string> Of(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<JsonElement>(NhiClaims.ExchangedFrom, out var from) || from.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. from.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String).Select(id => id.GetString()!).Take(NhiClaims.MaxExchangeDepth)];
    }

    /// <summary>Whether any ancestor is revoked (or the chain is longer than any exchange this service would issue).</summary>
    public static async Task<bool> IsAnyRevokedAsync(JsonWebToken token, string clientId, IRevocationStore revocations, CancellationToken cancellationToken)
    {
        if (token.TryGetPayloadValue<JsonElement>(NhiClaims.ExchangedFrom, out var from) && from.ValueKind == JsonValueKind.Array
            && from.GetArrayLength() > NhiClaims.MaxExchangeDepth)
        {
            return true;
        }

        foreach (var ancestor in Of(token))
        {
            if (await revocations.IsRevokedAsync(ancestor, clientId, token.IssuedAt, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
