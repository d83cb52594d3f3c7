namespace NhiPlatform.TokenService.IntegrationTests.Conformance;

/// <summary>
/// Sends requests for the public issuer (<c>https://gateway.test</c>, as discovery advertises it) to the token
/// service under test, as the gateway would route them; the client library sees only the public URLs.
/// </summary>
internal sealed class IssuerRewritingHandler(Uri target) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.GetLeftPart(UriPartial.Authority) == TokenServiceTestHost.Issuer)
        {
            request.RequestUri = new Uri(target, uri.PathAndQuery);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
