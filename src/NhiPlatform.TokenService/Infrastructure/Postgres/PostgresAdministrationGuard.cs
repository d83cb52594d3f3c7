using Npgsql;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>
/// Keeps one lasting administrator (<see cref="Domain.Administration"/>) across replicas. Every change that takes an
/// identity's standing away takes one transaction-scoped advisory lock first, so such changes run one after another;
/// under READ COMMITTED the check after the write then sees what the previous holder committed, and two concurrent
/// requests cannot each remove one of the last two administrators.
/// </summary>
internal static class PostgresAdministrationGuard
{
    /// <summary>An arbitrary constant shared by every replica (ASCII "nhiadmin").</summary>
    private const long LockKey = 0x6E6869_61646D696E;

    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.AddWithValue(LockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether an identity is still active, allowed <c>nhi.admin</c> and without an expiry date, this transaction's write included.</summary>
    public static async Task<bool> AnyLastingAdministratorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM tokens.identities WHERE status = $1 AND expires_at IS NULL AND $2 = ANY (allowed_scopes))
            """, connection, transaction);
        command.Parameters.AddWithValue(Domain.IdentityStatus.Active);
        command.Parameters.AddWithValue(NhiScopes.Admin);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
