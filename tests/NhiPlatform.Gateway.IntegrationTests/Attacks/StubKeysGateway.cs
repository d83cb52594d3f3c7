using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Samples.Echo.Apis;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Attacks;

namespace NhiPlatform.Gateway.IntegrationTests.Attacks;

/// <summary>
/// The real gateway and echo sample on Kestrel, trusting an RSA and an EC key of the test's own (published as the token
/// service's JWKS would be), so a test can sign tokens that are valid in every way but one.
/// </summary>
internal sealed class StubKeysGateway : IAsyncDisposable
{
    public const string RsaKeyId = "trusted-rsa";
    public const string EcKeyId = "trusted-ec";

    private StubKeysGateway(ServiceHost<EchoResponse> echo, RequestRecorder echoRequests, ServiceHost<UsageOptions> gateway,
        RSA rsa, ECDsa ec)
    {
        Echo = echo;
        EchoRequests = echoRequests;
        Gateway = gateway;
        Rsa = rsa;
        Ec = ec;
        Client = gateway.CreateLoopbackClient();
        Target = new AttackTarget(GatewayTestTopology.Issuer, "nhi-gateway", "echo.read", RsaKeyId, rsa, EcKeyId);
    }

    public ServiceHost<EchoResponse> Echo { get; }
    public RequestRecorder EchoRequests { get; }
    public ServiceHost<UsageOptions> Gateway { get; }
    public RSA Rsa { get; }
    public ECDsa Ec { get; }
    public HttpClient Client { get; }

    /// <summary>What the corpus forges against: this gateway's issuer, audience, echo route scope and trusted keys.</summary>
    public AttackTarget Target { get; }

    public static async Task<StubKeysGateway> StartAsync(LocalServersFixture servers)
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var rsa = RSA.Create(2048);
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var echoRequests = new RequestRecorder();
        var echo = new ServiceHost<EchoResponse>(new Dictionary<string, string?>(),
            services => services.AddSingleton<IStartupFilter>(echoRequests));
        echo.Start();
        var configuration = new OpenIdConnectConfiguration { Issuer = GatewayTestTopology.Issuer };
        configuration.SigningKeys.Add(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = RsaKeyId });
        configuration.SigningKeys.Add(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))) { KeyId = EcKeyId });
        // No token service: its address is a closed port; keys come from the static configuration.
        var gateway = new ServiceHost<UsageOptions>(
            GatewayTestTopology.GatewaySettings(environment, new Uri("http://127.0.0.1:9"), echo.BaseAddress),
            services => services.Replace(ServiceDescriptor.Singleton<IConfigurationManager<OpenIdConnectConfiguration>>(
                new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration))));
        gateway.Start();
        return new StubKeysGateway(echo, echoRequests, gateway, rsa, ec);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await Echo.DisposeAsync();
        Rsa.Dispose();
        Ec.Dispose();
    }
}
