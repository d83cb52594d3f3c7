namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>
/// The statements of one usage batch: which event ids are stored already, the binary COPY of the new ones straight
/// into the ledger, and one set-based upsert per read model from the batch's deltas (arrays, one row per key).
/// </summary>
internal static class UsageLedgerSql
{
    public const string Columns = """
        event_id, schema_version, occurred_at, client_id, token_id, scopes, unverified_issuer, unverified_subject,
        route_id, destination, method, path, status, latency_ms, source_address, user_agent, decision, reason
        """;

    public const string Copy = $"COPY inventory.usage_events ({Columns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// The (event id, instant) pairs of the batch already in the ledger. The instant range prunes the daily partitions
    /// at plan time; the primary key answers each id with one probe.
    /// </summary>
    public const string Existing = """
        SELECT event_id, occurred_at FROM inventory.usage_events
        WHERE event_id = ANY($1) AND occurred_at BETWEEN $2 AND $3
        """;

    /// <summary>Adds the batch's authentication methods to each caller's sorted, distinct set (after <see cref="Callers"/>).</summary>
    public const string CallerAuthenticationMethods = """
        UPDATE inventory.callers AS t SET authentication_methods = (
            SELECT array_agg(DISTINCT m ORDER BY m) FROM unnest(t.authentication_methods || string_to_array(u.methods, ' ')) AS m)
        FROM unnest($1::text[], $2::text[]) AS u(caller, methods) WHERE t.caller = u.caller
        """;

    /// <summary>A token-service credential's last use, as the gateway saw it (the token's <c>nhi_cred</c>).</summary>
    public const string CredentialUses = """
        UPDATE inventory.credentials AS t SET last_used_at = greatest(t.last_used_at, u.used_at)
        FROM unnest($1::text[], $2::timestamptz[]) AS u(credential_id, used_at) WHERE t.credential_id = u.credential_id AND t.source = 'tokens'
        """;

    public const string Callers = """
        INSERT INTO inventory.callers AS t (caller, caller_kind, first_seen, last_seen, calls, denials)
        SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::bigint[], $6::bigint[])
        ON CONFLICT (caller) DO UPDATE SET first_seen = least(t.first_seen, excluded.first_seen),
            last_seen = greatest(t.last_seen, excluded.last_seen), calls = t.calls + excluded.calls, denials = t.denials + excluded.denials
        """;

    /// <summary>Scopes arrive space separated per edge and are split, deduplicated and sorted here, as before.</summary>
    public const string Edges = """
        INSERT INTO inventory.edges AS t (caller, caller_kind, route_id, service, first_seen, last_seen, calls, denials, scopes)
        SELECT caller, kind, route_id, service, first_seen, last_seen, calls, denials,
               ARRAY(SELECT DISTINCT s FROM unnest(string_to_array(scopes, ' ')) s WHERE s <> '' ORDER BY 1)
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::bigint[], $8::bigint[], $9::text[])
            AS d(caller, kind, route_id, service, first_seen, last_seen, calls, denials, scopes)
        ON CONFLICT (caller, route_id, service) DO UPDATE SET first_seen = least(t.first_seen, excluded.first_seen),
            last_seen = greatest(t.last_seen, excluded.last_seen), calls = t.calls + excluded.calls, denials = t.denials + excluded.denials,
            scopes = ARRAY(SELECT DISTINCT s FROM unnest(t.scopes || excluded.scopes) s WHERE s <> '' ORDER BY 1)
        """;

    public const string Sources = """
        INSERT INTO inventory.caller_sources AS t (caller, source_address, first_seen, last_seen, calls)
        SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::bigint[])
        ON CONFLICT (caller, source_address) DO UPDATE SET first_seen = least(t.first_seen, excluded.first_seen),
            last_seen = greatest(t.last_seen, excluded.last_seen), calls = t.calls + excluded.calls
        """;

    public const string Daily = """
        INSERT INTO inventory.usage_daily AS t (day, caller, route_id, service, calls, denials)
        SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
        ON CONFLICT (day, caller, route_id, service) DO UPDATE SET calls = t.calls + excluded.calls, denials = t.denials + excluded.denials
        """;

    public const string Hourly = """
        INSERT INTO inventory.usage_hourly AS t (caller, hour, calls)
        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[])
        ON CONFLICT (caller, hour) DO UPDATE SET calls = t.calls + excluded.calls
        """;
}
