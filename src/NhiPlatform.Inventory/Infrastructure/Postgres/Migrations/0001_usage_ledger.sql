-- The usage ledger: one row per request the gateway saw. event_id makes replays idempotent.
CREATE TABLE usage_events (
    event_id           uuid PRIMARY KEY,
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
    ingested_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_events_client_time ON usage_events (client_id, occurred_at DESC);
CREATE INDEX usage_events_route_time ON usage_events (route_id, occurred_at DESC);
CREATE INDEX usage_events_path ON usage_events (path);

-- Stream entries that could not be read: kept with the reason, never lost, never blocking the stream.
CREATE TABLE dead_letters (
    stream      text NOT NULL,
    entry_id    text NOT NULL,
    reason      text NOT NULL,
    payload     text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream, entry_id)
);
