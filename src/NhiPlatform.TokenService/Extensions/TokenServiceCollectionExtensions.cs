using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.SchemaMigrations;
using NhiPlatform.TokenService.Bootstrap;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenService.Infrastructure.Postgres;
using NhiPlatform.TokenService.Protocol;
using NhiPlatform.TokenService.Signing;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.TokenService.Extensions;

internal static class TokenServiceCollectionExtensions
{
    public const string Schema = "tokens";

    public static IHostApplicationBuilder AddTokenService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddNpgsqlDataSource(NhiResources.Database);
        builder.AddRedisClient(NhiResources.Cache);

        services.AddOptions<TokenServiceOptions>()
            .BindConfiguration(NhiConfigurationKeys.TokensSection)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.Issuer = configuration[NhiConfigurationKeys.Issuer] ?? string.Empty;
                options.Audience = configuration[NhiConfigurationKeys.Audience] ?? NhiAudiences.Gateway;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Configure<IConfiguration>((options, configuration) =>
            options.CredentialsFile = configuration[NhiConfigurationKeys.BootstrapCredentialsFile]);

        // Hosted services start in order: schema first, then Data Protection's key ring, keys and the bootstrap admin, then the server listens.
        services.AddSchemaMigrations(Schema, typeof(TokenServiceCollectionExtensions).Assembly);
        services.AddHostedService<TokenServiceInitializer>();

        // One key ring for every replica, in PostgreSQL; it encrypts signing keys and server secrets at rest.
        services.AddDataProtection().SetApplicationName("NhiPlatform.TokenService");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((options, dataSource) =>
            options.XmlRepository = new PostgresXmlRepository(dataSource));


        services.AddSingleton<IIdentityStore, PostgresIdentityStore>();
        services.AddSingleton<ISigningKeyStore, PostgresSigningKeyStore>();
        services.AddSingleton<IServerSecretStore, PostgresServerSecretStore>();
        services.AddSingleton<ClientSecretHasher>();
        services.AddSingleton<SigningKeyFactory>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<IdentityRegistrar>();
        services.AddSingleton<BootstrapAdminCreator>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<TokenEndpointHandler>();

        // The admin API validates bearer tokens with this service's own keys, not over HTTP.
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, LocalKeysConfigurationManager>();
        builder.AddNhiAccessTokenValidation();

        services.AddProblemDetails();
        services.AddExceptionHandler<ConnectExceptionHandler>();
        services.AddOpenApi();
        return builder;
    }
}
