using Microsoft.IdentityModel.Protocols;

namespace NhiPlatform.TokenValidation.Metadata;

/// <summary>
/// Fetches metadata documents (discovery, JWKS) from the token service over service discovery. Whatever absolute
/// URL a document names (the public issuer's), only its path is used: keys never come from anywhere else.
/// </summary>
internal sealed class TokenServiceDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "nhi-token-service-metadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var path = Uri.TryCreate(address, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : address;
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"The token service answered {(int)response.StatusCode} for {path}.");
        }

        return await response.Content.ReadAsStringAsync(cancel);
    }
}
