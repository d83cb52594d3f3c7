namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>The statements of one usage batch: staging table, insert-if-absent, and the incremental read models.</summary>
internal static class UsageLedgerSql
{
    public const string Columns = """
        event_id, schema_version, occurred_at, client_id, token_id, scopes, unverified_issuer, unverified_subject,
        route_id, destination, method, path, status, latency_ms, source_address, user_agent, decision, reason
        """;

    public const string CreateStaging = """
        CREATE TEMP TABLE usage_staging (LIKE inventory.usage_events INCLUDING DEFAULTS) ON COMMIT DROP
        """;

    public const string CopyStaging = $"COPY usage_staging ({Columns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Inserts the staged events whose id is new and, from exactly those rows, updates callers, edges, sources and the
    /// daily and hourly roll-ups: a replayed event changes nothing. Returns the count of new events.
    /// </summary>
    public const string Merge = $$"""
        WITH ins AS (
            INSERT INTO inventory.usage_events ({{Columns}})
            SELECT {{Columns}} FROM usage_staging
            ON CONFLICT DO NOTHING
            RETURNING occurred_at, client_id, unverified_issuer, unverified_subject, route_id, destination, source_address, decision, scopes
        ), k AS (
            SELECT occurred_at, coalesce(route_id, '') AS route_id, coalesce(destination, '') AS service, source_address, scopes,
                   (decision = 'denied')::int AS denied, decision,
                   CASE WHEN client_id IS NOT NULL THEN client_id
                        WHEN unverified_subject IS NOT NULL OR unverified_issuer IS NOT NULL
                            THEN 'unverified:' || coalesce(unverified_subject, '?') || '@' || coalesce(unverified_issuer, '?')
                        ELSE 'anonymous' END AS caller,
                   CASE WHEN client_id IS NOT NULL THEN 'identity'
                        WHEN unverified_subject IS NOT NULL OR unverified_issuer IS NOT NULL THEN 'unverified'
                        ELSE 'anonymous' END AS caller_kind
            FROM ins
        ), c AS (
            INSERT INTO inventory.callers AS t (caller, caller_kind, first_seen, last_seen, calls, denials)
            SELECT caller, min(caller_kind), min(occurred_at), max(occurred_at), count(*), sum(denied) FROM k GROUP BY caller
            ON CONFLICT (caller) DO UPDATE SET first_seen = least(t.first_seen, excluded.first_seen),
                last_seen = greatest(t.last_seen, excluded.last_seen), calls = t.calls + excluded.calls, denials = t.denials + excluded.denials
        ), e AS (
            INSERT INTO inventory.edges AS t (caller, caller_kind, route_id, service, first_seen, last_seen, calls, denials, scopes)
            SELECT caller, min(caller_kind), route_id, service, min(occurred_at), max(occurred_at), count(*), sum(denied),
                   ARRAY(SELECT DISTINCT s FROM unnest(string_to_array(string_agg(DISTINCT scopes, ' ') FILTER (WHERE decision = 'allowed'), ' ')) s
                         WHERE s <> '' ORDER BY 1)
            FROM k GROUP BY caller, route_id, service
            ON CONFLICT (caller, route_id, service) DO UPDATE SET first_seen = least(t.first_seen, excluded.first_seen),
                last_seen = greatest(t.last_seen, excluded.last_seen), calls = t.calls + excluded.calls, denials = t.denials + excluded.denials,
                scopes = ARRAY(SELECT DISTINCT s FROM unnest(t.scopes || excluded.scopes) s WHERE s <> '' ORDER BY 1)
        ), s AS (
            INSERT INTO inventory.caller_sources AS t (caller, source_address, first_seen, last_seen, calls)
            SELECT caller, source_address, min(occurred_at), max(occurred_at), count(*) FROM k WHERE source_address IS NOT NULL
            GROUP BY caller, source_address
            ON CONFLICT (caller, source_address) DO UPDATE SET first_seen = least(t.first_seen, excluded.first_seen),
                last_seen = greatest(t.last_seen, excluded.last_seen), calls = t.calls + excluded.calls
        ), d AS (
            INSERT INTO inventory.usage_daily AS t (day, caller, route_id, service, calls, denials)
            SELECT (occurred_at AT TIME ZONE 'UTC')::date, caller, route_id, service, count(*), sum(denied) FROM k
            GROUP BY 1, caller, route_id, service
            ON CONFLICT (day, caller, route_id, service) DO UPDATE SET calls = t.calls + excluded.calls, denials = t.denials + excluded.denials
        ), h AS (
            INSERT INTO inventory.usage_hourly AS t (caller, hour, calls)
            SELECT caller, date_trunc('hour', occurred_at, 'UTC'), count(*) FROM k GROUP BY caller, 2
            ON CONFLICT (caller, hour) DO UPDATE SET calls = t.calls + excluded.calls
        )
        SELECT count(*)::int FROM ins
        """;
}
