using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>Server secrets encrypted with Data Protection; the first replica to insert wins, the others read its value.</summary>
internal sealed class PostgresServerSecretStore(NpgsqlDataSource dataSource, IDataProtectionProvider dataProtection, TimeProvider timeProvider)
    : IServerSecretStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NhiPlatform.TokenService.ServerSecrets");

    public async Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken cancellationToken)
    {
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO tokens.server_secrets (name, protected_value, created_at) VALUES ($1, $2, $3)
            ON CONFLICT (name) DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue(name);
            insert.Parameters.AddWithValue(Convert.ToBase64String(_protector.Protect(create())));
            insert.Parameters.AddWithValue(timeProvider.GetUtcNow());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = dataSource.CreateCommand("SELECT protected_value FROM tokens.server_secrets WHERE name = $1");
        select.Parameters.AddWithValue(name);
        var stored = (string)(await select.ExecuteScalarAsync(cancellationToken))!;
        return _protector.Unprotect(Convert.FromBase64String(stored));
    }
}
