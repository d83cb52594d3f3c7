using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Gateway.Authentication;

namespace NhiPlatform.Gateway.IntegrationTests.Attacks;

/// <summary>
/// The validated-token cache under attack: once a valid token has been seen (and cached), anything that differs from
/// it by a character (forged claims on its signature, a changed signature, a truncated or extended string) is still
/// validated in full and refused, and nothing reaches the service.
/// </summary>
[Collection(AttackCorpusCollection.Name)]
public sealed class CachedTokenAttackTests(AttackCorpusFixture fixture)
{
    private readonly StubKeysGateway _gateway = fixture.Gateway;

    private async Task<HttpStatusCode> CallAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        using var response = await _gateway.Client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    public static TheoryData<string> Variants => ["forged-scope", "forged-client", "signature-changed", "signature-removed", "appended", "truncated"];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task VariantOfACachedToken_IsRefused_AndNothingReachesTheService(string variant)
    {
        var valid = _gateway.Target.Valid();
        var cache = _gateway.Gateway.Services.GetRequiredService<ValidatedTokenCache>();
        Assert.Equal(HttpStatusCode.OK, await CallAsync($"/svc/echo/control-cached-{variant}", valid));
        var hits = cache.Hits;
        Assert.Equal(HttpStatusCode.OK, await CallAsync($"/svc/echo/control-cached-{variant}", valid));
        Assert.True(cache.Hits > hits, "the valid token was not served from the cache");

        var tampered = Tamper(valid, variant);
        Assert.NotEqual(valid, tampered);
        var status = await CallAsync($"/svc/echo/cached-{variant}", tampered);

        Assert.Contains(status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(0, _gateway.EchoRequests.Count($"/cached-{variant}"));
    }

    private static string Tamper(string token, string variant)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]);
        var signature = parts[2];
        var flipped = signature[^2] == 'A' ? 'B' : 'A';
        return variant switch
        {
            "forged-scope" => $"{parts[0]}.{Base64UrlEncoder.Encode(payload.Replace("echo.read", "nhi.admin", StringComparison.Ordinal))}.{signature}",
            "forged-client" => $"{parts[0]}.{Base64UrlEncoder.Encode(payload.Replace("\"sub\":\"", "\"sub\":\"x", StringComparison.Ordinal))}.{signature}",
            "signature-changed" => $"{parts[0]}.{parts[1]}.{signature[..^2]}{flipped}{signature[^1]}",
            "signature-removed" => $"{parts[0]}.{parts[1]}.",
            "appended" => token + "A",
            "truncated" => token[..^1],
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
    }
}
