-- The usage ledger becomes partitioned by UTC day (retention drops whole partitions). The primary key must hold the
-- partition key: a replayed event carries the same occurred_at, so (event_id, occurred_at) still stores each once.
ALTER TABLE usage_events RENAME TO usage_events_v1;
ALTER TABLE usage_events_v1 RENAME CONSTRAINT usage_events_pkey TO usage_events_v1_pkey;
ALTER INDEX usage_events_client_time RENAME TO usage_events_v1_client_time;
ALTER INDEX usage_events_route_time RENAME TO usage_events_v1_route_time;
ALTER INDEX usage_events_path RENAME TO usage_events_v1_path;

CREATE TABLE usage_events (
    event_id           uuid NOT NULL,
    schema_version     integer NOT NULL,
    occurred_at        timestamptz NOT NULL,
    client_id          text,
    token_id           text,
    scopes             text,
    unverified_issuer  text,
    unverified_subject text,
    route_id           text,
    destination        text,
    method             text NOT NULL,
    path               text NOT NULL,
    status             integer NOT NULL,
    latency_ms         double precision NOT NULL,
    source_address     text,
    user_agent         text,
    decision           text NOT NULL,
    reason             text,
    ingested_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX usage_events_client_time ON usage_events (client_id, occurred_at DESC);
CREATE INDEX usage_events_route_time ON usage_events (route_id, occurred_at DESC);
CREATE INDEX usage_events_path ON usage_events (path, occurred_at DESC);
CREATE INDEX usage_events_token ON usage_events (token_id) WHERE token_id IS NOT NULL;

-- Creates the partition of one UTC day if it is missing; serialised so replicas never race on the DDL.
CREATE FUNCTION ensure_usage_partition(day date) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
    partition_name text := format('usage_events_%s', to_char(day, 'YYYYMMDD'));
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('nhi-inventory-usage-partitions'));
    IF to_regclass(format('inventory.%I', partition_name)) IS NULL THEN
        EXECUTE format('CREATE TABLE inventory.%I PARTITION OF inventory.usage_events FOR VALUES FROM (%L) TO (%L)',
            partition_name, day::text || ' 00:00:00+00', (day + 1)::text || ' 00:00:00+00');
    END IF;
END
$fn$;

DO $do$
DECLARE d date;
BEGIN
    FOR d IN SELECT DISTINCT (occurred_at AT TIME ZONE 'UTC')::date FROM inventory.usage_events_v1 LOOP
        PERFORM inventory.ensure_usage_partition(d);
    END LOOP;
END
$do$;
INSERT INTO usage_events SELECT * FROM usage_events_v1;
DROP TABLE usage_events_v1;

-- Who called: one row per caller (a client id, an unverified subject@issuer, or 'anonymous').
CREATE TABLE callers (
    caller      text PRIMARY KEY,
    caller_kind text NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    calls       bigint NOT NULL,
    denials     bigint NOT NULL
);

-- Edges caller -> route -> service, maintained incrementally with each batch.
CREATE TABLE edges (
    caller      text NOT NULL,
    caller_kind text NOT NULL,
    route_id    text NOT NULL,
    service     text NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    calls       bigint NOT NULL,
    denials     bigint NOT NULL,
    scopes      text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (caller, route_id, service)
);
CREATE INDEX edges_route ON edges (route_id);
CREATE INDEX edges_service ON edges (service);

CREATE TABLE caller_sources (
    caller         text NOT NULL,
    source_address text NOT NULL,
    first_seen     timestamptz NOT NULL,
    last_seen      timestamptz NOT NULL,
    calls          bigint NOT NULL,
    PRIMARY KEY (caller, source_address)
);

-- Roll-ups: daily (kept longer than the ledger) and hourly (baseline of call spikes).
CREATE TABLE usage_daily (
    day      date NOT NULL,
    caller   text NOT NULL,
    route_id text NOT NULL,
    service  text NOT NULL,
    calls    bigint NOT NULL,
    denials  bigint NOT NULL,
    PRIMARY KEY (day, caller, route_id, service)
);
CREATE TABLE usage_hourly (
    caller text NOT NULL,
    hour   timestamptz NOT NULL,
    calls  bigint NOT NULL,
    PRIMARY KEY (caller, hour)
);

-- The identity catalogue: a read model of identity.changed events.
CREATE TABLE identities (
    client_id               text PRIMARY KEY,
    display_name            text NOT NULL,
    owner                   text NOT NULL,
    purpose                 text NOT NULL,
    tags                    jsonb NOT NULL DEFAULT '{}',
    allowed_scopes          text[] NOT NULL DEFAULT '{}',
    allowed_audiences       text[] NOT NULL DEFAULT '{}',
    status                  text NOT NULL,
    token_lifetime_seconds  integer NOT NULL,
    credential_max_age_days integer NOT NULL,
    expires_at              timestamptz,
    created_at              timestamptz NOT NULL,
    created_by              text NOT NULL,
    updated_at              timestamptz NOT NULL,
    updated_by              text NOT NULL,
    status_changed_at       timestamptz NOT NULL,
    last_change             text NOT NULL,
    last_event_at           timestamptz NOT NULL
);
CREATE TABLE identity_events (
    event_id    uuid PRIMARY KEY,
    client_id   text NOT NULL,
    change      text NOT NULL,
    actor       text NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_events_client ON identity_events (client_id, occurred_at DESC);

-- Credentials: the token service's (source 'tokens') and imported ones ('x509', 'api_key').
CREATE TABLE credentials (
    credential_id   text PRIMARY KEY,
    source          text NOT NULL,
    client_id       text,
    name            text NOT NULL,
    system          text,
    owner           text,
    kind            text NOT NULL,
    hint            text,
    created_at      timestamptz,
    expires_at      timestamptz,
    revoked_at      timestamptz,
    last_rotated_at timestamptz,
    last_used_at    timestamptz,
    subject         text,
    issuer          text,
    sans            text[] NOT NULL DEFAULT '{}',
    serial_number   text,
    fingerprint     text,
    imported_at     timestamptz,
    imported_by     text
);
CREATE INDEX credentials_client ON credentials (client_id);

CREATE TABLE findings (
    id             bigserial PRIMARY KEY,
    rule           text NOT NULL,
    subject        text NOT NULL,
    client_id      text,
    severity       text NOT NULL,
    title          text NOT NULL,
    evidence       jsonb NOT NULL,
    first_detected timestamptz NOT NULL,
    last_detected  timestamptz NOT NULL,
    status         text NOT NULL,
    status_by      text,
    status_reason  text,
    status_at      timestamptz,
    UNIQUE (rule, subject)
);
CREATE INDEX findings_status ON findings (status, severity);
