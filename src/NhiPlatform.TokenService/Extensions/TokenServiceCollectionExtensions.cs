using NhiPlatform.ServiceDefaults;
using NhiPlatform.ServiceDefaults.Problems;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.SchemaMigrations;
using NhiPlatform.TokenService.Bootstrap;
using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Infrastructure.Redis;
using NhiPlatform.TokenService.RateLimiting;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Federation;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenService.Infrastructure.Postgres;
using NhiPlatform.TokenService.KeyProtection;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Protocol;
using NhiPlatform.TokenService.Signing;
using NhiPlatform.TokenValidation;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenService.Extensions;

internal static class TokenServiceCollectionExtensions
{
    public const string Schema = "tokens";

    public static IHostApplicationBuilder AddTokenService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddNpgsqlDataSource(NhiResources.Database);
        builder.AddRedisClient(NhiResources.Cache);
        builder.AddTrustedProxies();

        services.AddOptions<TokenServiceOptions>()
            .BindConfiguration(NhiConfigurationKeys.TokensSection)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.Issuer = configuration[NhiConfigurationKeys.Issuer] ?? string.Empty;
                options.Audience = configuration[NhiConfigurationKeys.Audience] ?? NhiAudiences.Gateway;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FederationOptions>().BindConfiguration(FederationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Configure<IConfiguration>((options, configuration) =>
            options.CredentialsFile = configuration[NhiConfigurationKeys.BootstrapCredentialsFile]);

        // Hosted services start in order: schema first, then Data Protection's key ring, keys and the bootstrap admin, then the server listens.
        services.AddSchemaMigrations(Schema, typeof(TokenServiceCollectionExtensions).Assembly);
        services.AddHostedService<TokenServiceInitializer>();

        // One key ring for every replica, in PostgreSQL; it encrypts signing keys and server secrets at rest, and is itself
        // encrypted under a key-encryption key that PostgreSQL never holds (a database dump alone cannot mint tokens).
        services.AddOptions<KeyEncryptionOptions>().BindConfiguration(KeyEncryptionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyEncryptionOptions>, KeyEncryptionOptionsValidator>();
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddSingleton<PostgresXmlRepository>();
        services.AddSingleton<KeyRingReencryption>();
        services.AddDataProtection().SetApplicationName("NhiPlatform.TokenService");
        services.AddOptions<KeyManagementOptions>().Configure<PostgresXmlRepository, KeyEncryptionKeys>((options, repository, keys) =>
        {
            options.XmlRepository = repository;
            if (keys.Current is { } current)
            {
                options.XmlEncryptor = new AesGcmXmlEncryptor(current);
            }
        });

        // Stores: PostgreSQL for state, Redis for what replicas share at request speed.
        services.AddSingleton<IIdentityStore, PostgresIdentityStore>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<ISigningKeyStore, PostgresSigningKeyStore>();
        services.AddSingleton<IServerSecretStore, PostgresServerSecretStore>();
        services.AddSingleton<IRevocationStore, RedisRevocationStore>();
        services.AddSingleton<IAssertionReplayCache, RedisAssertionReplayCache>();
        services.AddSingleton<IRateLimitCounter, RedisRateLimitCounter>();

        // Identities: admin actions, their outbox (lossless identity-change stream and revocations), the hot-path cache.
        services.AddSingleton<IdentityChangeNotifier>();
        services.AddSingleton<SecretIssuer>();
        services.AddSingleton<IdentityRegistrar>();
        services.AddSingleton<IdentityLifecycle>();
        services.AddSingleton<CredentialManager>();
        services.AddSingleton<FederatedCredentialManager>();
        services.AddSingleton<RedisOutboxDelivery>();
        services.AddHostedService<IdentityOutboxPublisher>();
        services.AddSingleton<IdentityCache>();
        services.AddHostedService<IdentityCacheInvalidationListener>();
        services.AddSingleton<CredentialUsageRecorder>();
        services.AddHostedService(provider => provider.GetRequiredService<CredentialUsageRecorder>());

        services.AddSingleton<ClientSecretHasher>();
        services.AddSingleton<SigningKeyFactory>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<SigningKeyManager>();
        services.AddHostedService<SigningKeyMaintenance>();
        services.AddSingleton<BootstrapAdminCreator>();

        // Protocol: /connect/token, /connect/introspect, /connect/revoke.
        services.AddSingleton<ClientAssertionValidator>();
        services.AddSingleton<ClientAuthenticator>();

        // Federation: external issuers' tokens as client credentials; their keys by discovery, cached per replica.
        services.AddSingleton<FederatedAssertionValidator>();
        services.AddSingleton<IssuerKeyCache>();
        services.AddSingleton<IssuerMetadataClient>();
        services.AddHttpClient(IssuerMetadataClient.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<FederationOptions>>().Value.MetadataTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient(client => client.MaxResponseContentBufferSize = IssuerMetadataClient.MaxResponseBytes);
        services.AddSingleton<ClientRequestAuthenticator>();
        services.AddSingleton<TokenRateLimiter>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<AccessTokenReader>();
        services.AddSingleton<TokenExchangeHandler>();
        // Nonces required at the token endpoint by default (RFC 9449 §8): a proof made in advance is useless there.
        builder.AddNhiDPoP(NhiConfigurationKeys.TokensSection, requireNonce: true);
        services.AddSingleton<DPoPBinding>();
        services.AddSingleton<TokenEndpointHandler>();
        services.AddSingleton<IntrospectionEndpointHandler>();
        services.AddSingleton<RevocationEndpointHandler>();

        // The admin API validates bearer tokens with this service's own keys, not over HTTP.
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, LocalKeysConfigurationManager>();
        builder.AddNhiAccessTokenValidation();

        services.AddBadRequestProblemDetails();
        services.AddExceptionHandler<ConnectExceptionHandler>();
        services.AddOpenApi();
        return builder;
    }
}
