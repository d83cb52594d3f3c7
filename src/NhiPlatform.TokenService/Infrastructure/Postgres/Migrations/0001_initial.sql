-- Identities: one per workload, with an owner and a purpose. Never deleted: status 'deleted' is a tombstone.
CREATE TABLE identities (
    client_id      text PRIMARY KEY,
    display_name   text NOT NULL,
    owner          text NOT NULL,
    purpose        text NOT NULL,
    allowed_scopes text[] NOT NULL DEFAULT '{}',
    status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'deleted')),
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text NOT NULL
);

-- Client secrets: only a keyed SHA-256 digest is stored. Several may be active at once (rotation overlap).
CREATE TABLE client_secrets (
    secret_id    uuid PRIMARY KEY,
    client_id    text NOT NULL REFERENCES identities (client_id),
    digest       bytea NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
CREATE INDEX client_secrets_client_id ON client_secrets (client_id);

-- Signing keys: private parts encrypted with ASP.NET Core Data Protection, so every replica signs with the same set.
CREATE TABLE signing_keys (
    key_id                text PRIMARY KEY,
    algorithm             text NOT NULL,
    protected_private_key text NOT NULL,
    created_at            timestamptz NOT NULL,
    retired_at            timestamptz,
    revoked_at            timestamptz
);

-- Server-held secrets (the client-secret digest key), encrypted with Data Protection.
CREATE TABLE server_secrets (
    name            text PRIMARY KEY,
    protected_value text NOT NULL,
    created_at      timestamptz NOT NULL
);

-- The Data Protection key ring, shared by every replica.
CREATE TABLE data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml           text NOT NULL
);
