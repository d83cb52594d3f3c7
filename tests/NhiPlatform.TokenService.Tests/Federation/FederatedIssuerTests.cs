using NhiPlatform.TokenService.Federation;

namespace NhiPlatform.TokenService.Tests.Federation;

public sealed class FederatedIssuerTests
{
    [Theory]
    [InlineData("https://token.actions.githubusercontent.com", false, true)]
    [InlineData("https://kubernetes.default.svc.cluster.local", false, true)]
    [InlineData("http://127.0.0.1:8080", false, false)]
    [InlineData("http://127.0.0.1:8080", true, true)]
    [InlineData("http://[::1]:8080", true, true)]
    [InlineData("http://localhost:8080", true, true)]
    [InlineData("http://issuer.example", true, false)]
    [InlineData("https://issuer.example/?tenant=a", false, false)]
    [InlineData("https://user:pass@issuer.example", false, false)]
    [InlineData("issuer.example", false, false)]
    [InlineData("ftp://issuer.example", true, false)]
    public void IsAllowed_HttpsOrLoopbackHttpWhenAllowed(string url, bool allowLoopbackHttp, bool allowed) =>
        Assert.Equal(allowed, FederatedIssuer.IsAllowed(url, allowLoopbackHttp));

    [Theory]
    [InlineData("https://token.actions.githubusercontent.com", true)]
    [InlineData("http://127.0.0.1:1234", true)]
    [InlineData("orders-api-x1y2", false)]
    [InlineData(null, false)]
    public void LooksLikeIssuer_UrlsOnly(string? issuer, bool expected) => Assert.Equal(expected, FederatedIssuer.LooksLikeIssuer(issuer));
}
