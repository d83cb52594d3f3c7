using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.OAuth;

/// <summary>A client id nobody registered is invalid_client with a Basic challenge (RFC 6749 §5.2), however it authenticates.</summary>
[Collection(SecurityCollection.Name)]
public sealed class UnknownClientTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Token_UnknownClientWithBasic_IsInvalidClient()
    {
        var (_, someoneElsesSecret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);

        using var response = await platform.Client.RequestTokenAsync("nobody-registered-this", someoneElsesSecret, NhiScopes.EchoRead);

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_UnknownClientInTheBody_IsInvalidClient()
    {
        var (_, someoneElsesSecret) = await platform.Client.RegisterAsync(NhiScopes.EchoRead);

        using var response = await platform.Client.PostFormAsync("/connect/token", new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "nobody-registered-this", ["client_secret"] = someoneElsesSecret,
        });

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_NoClientAuthenticationAtAll_IsInvalidClient()
    {
        using var response = await platform.Client.PostFormAsync("/connect/token", new() { ["grant_type"] = "client_credentials" });

        await OAuthAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }
}
