using Duende.IdentityModel.Client;

namespace NhiPlatform.Client.Tokens;

/// <summary>
/// The protocol side, through Duende.IdentityModel: finds the token endpoint from the discovery document (once) and
/// asks for a client-credentials token with a secret or a signed assertion.
/// </summary>
internal sealed class TokenEndpointClient(HttpClient httpClient, NhiAccessTokenOptions options, TimeProvider timeProvider, DPoPProofFactory? dpop = null)
{
    private readonly ClientAssertionFactory? _assertions = options.ClientSecret is null && options.FederatedTokenFile is null
        ? new ClientAssertionFactory(options.ClientId, ClientAssertionFactory.CredentialsFrom(options), timeProvider)
        : null;
    private Uri? _tokenEndpoint = options.TokenEndpoint;

    public async Task<TokenResponse> RequestAsync(CancellationToken cancellationToken)
    {
        var tokenEndpoint = _tokenEndpoint ??= await DiscoverTokenEndpointAsync(cancellationToken);
        var response = await SendAsync(tokenEndpoint, cancellationToken);
        // RFC 9449 §8: the server wants a nonce of its own in the proof; it sent one, so ask once more with it.
        if (dpop is not null && response.IsError && ErrorOf(response) == "use_dpop_nonce" && dpop.Remember(tokenEndpoint, response.DPoPNonce))
        {
            response = await SendAsync(tokenEndpoint, cancellationToken);
        }

        if (!response.IsError)
        {
            dpop?.Remember(tokenEndpoint, response.DPoPNonce);
            return response;
        }

        // A 401 is an HTTP-level error to Duende; its JSON body still carries the RFC 6749 code.
        var description = (response.Json is null ? null : response.TryGet("error_description")) ?? response.ErrorDescription;
        throw new NhiAccessTokenException(ErrorOf(response), description, (int)response.HttpStatusCode);
    }

    private static string ErrorOf(TokenResponse response) =>
        (response.Json is null ? null : response.TryGet("error")) ?? response.Error ?? "request_failed";

    private async Task<TokenResponse> SendAsync(Uri tokenEndpoint, CancellationToken cancellationToken)
    {
        var request = new ClientCredentialsTokenRequest
        {
            Address = tokenEndpoint.ToString(),
            // Empty for a federated token without client_id: the server then finds the identity by issuer and subject.
            ClientId = options.ClientId,
            Scope = options.Scope,
            ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader,
        };
        if (options.FederatedTokenFile is { } federatedTokenFile)
        {
            // RFC 7523 §2.2 with the external issuer's token as the assertion, read now: the platform rewrites the file.
            request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
            request.ClientAssertion = new ClientAssertion
            {
                Type = Duende.IdentityModel.OidcConstants.ClientAssertionTypes.JwtBearer,
                Value = await FederatedTokenReader.ReadAsync(federatedTokenFile, cancellationToken),
            };
        }
        else if (_assertions is null)
        {
            request.ClientSecret = options.ClientSecret;
        }
        else
        {
            request.ClientCredentialStyle = ClientCredentialStyle.PostBody;
            request.ClientAssertion = new ClientAssertion
            {
                Type = Duende.IdentityModel.OidcConstants.ClientAssertionTypes.JwtBearer,
                Value = _assertions.Create(tokenEndpoint),
            };
        }

        if (!string.IsNullOrEmpty(options.Resource))
        {
            request.Resource.Add(options.Resource);
        }

        if (dpop is not null)
        {
            request.DPoPProofToken = dpop.Create(HttpMethod.Post, tokenEndpoint);
        }

        return await httpClient.RequestClientCredentialsTokenAsync(request, cancellationToken);
    }

    private async Task<Uri> DiscoverTokenEndpointAsync(CancellationToken cancellationToken)
    {
        var authority = options.Authority!.ToString().TrimEnd('/');
        var discovery = await httpClient.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = authority,
            Policy = new DiscoveryPolicy
            {
                RequireHttps = options.Authority.Scheme == Uri.UriSchemeHttps,
                // Loopback and private deployments use http; the issuer must still match the authority exactly.
                AllowHttpOnLoopback = true,
            },
        }, cancellationToken);
        if (discovery.IsError || discovery.TokenEndpoint is null)
        {
            throw new NhiAccessTokenException("discovery_failed", discovery.Error, (int)discovery.HttpStatusCode);
        }

        return new Uri(discovery.TokenEndpoint);
    }
}
