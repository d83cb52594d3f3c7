using NhiPlatform.Testing.Servers.Processes;
using Npgsql;

namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>Waits until a starting server answers <c>SELECT 1</c>, exits, or runs out of time.</summary>
internal sealed class PostgresReadinessProbe(ChildProcess process, string connectionString, TimeProvider timeProvider)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<PostgresStartOutcome> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
            {
                var output = process.Output.Tail();
                return output.Contains("Address already in use", StringComparison.Ordinal)
                    || output.Contains("could not bind", StringComparison.Ordinal)
                    ? PostgresStartOutcome.PortInUse
                    : PostgresStartOutcome.Exited;
            }

            if (await AnswersAsync(cancellationToken))
            {
                return PostgresStartOutcome.Ready;
            }

            if (timeProvider.GetElapsedTime(started) > timeout)
            {
                return PostgresStartOutcome.TimedOut;
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            // Not listening yet, or "the database system is starting up" (57P03).
            return false;
        }
    }
}
