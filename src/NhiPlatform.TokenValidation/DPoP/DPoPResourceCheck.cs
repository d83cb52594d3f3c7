using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// At a resource server that accepts DPoP (the gateway): the proof of a request carrying a bound token (RFC 9449 §7.1).
/// The proof's <c>htu</c> may name the public URL (<c>Nhi:Issuer</c> + path) or the URL this request was addressed to
/// (a client calling a replica or the loopback address directly); method, token hash and key must match either way.
/// </summary>
public sealed class DPoPResourceCheck(DPoPProofVerifier verifier, string publicBaseUrl)
{
    private readonly string _publicBase = publicBaseUrl.TrimEnd('/');

    public Task<DPoPProofResult> CheckAsync(HttpContext context, JsonWebToken token, string thumbprint)
    {
        var request = context.Request;
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        var urls = new[] { _publicBase + path, $"{request.Scheme}://{request.Host.ToUriComponent()}{path}" };
        return verifier.VerifyAsync(request, new DPoPProofRequest(request.Method, urls)
        {
            AccessToken = token.EncodedToken,
            Thumbprint = thumbprint,
        }, context.RequestAborted);
    }

    /// <summary>The token's <c>cnf.jkt</c> (RFC 9449 §6.1), or null for a bearer token.</summary>
    public static string? BoundThumbprint(JsonWebToken token) =>
        token.TryGetPayloadValue<JsonElement>(DPoPConstants.ConfirmationClaim, out var cnf) && cnf.ValueKind == JsonValueKind.Object
        && cnf.TryGetProperty(DPoPConstants.ThumbprintMember, out var jkt) && jkt.ValueKind == JsonValueKind.String
            ? jkt.GetString()
            : null;
}
