-- Identity model: tags, default scopes, audiences, lifetimes, optional expiry.
ALTER TABLE identities
    ADD COLUMN tags                    jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN default_scopes          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN allowed_audiences       text[] NOT NULL DEFAULT '{}',
    ADD COLUMN token_lifetime_seconds  integer NOT NULL DEFAULT 300,
    ADD COLUMN credential_max_age_days integer NOT NULL DEFAULT 90,
    ADD COLUMN expires_at              timestamptz;

-- A public hint (last four characters) so an operator can tell secrets apart; never enough to use one.
ALTER TABLE client_secrets ADD COLUMN hint text;

-- Public keys (JWK) for private_key_jwt (RFC 7523); the key id is the RFC 7638 thumbprint.
CREATE TABLE public_keys (
    credential_id uuid PRIMARY KEY,
    client_id     text NOT NULL REFERENCES identities (client_id),
    key_id        text NOT NULL,
    jwk           text NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
CREATE INDEX public_keys_client_id ON public_keys (client_id);

-- Append-only audit log: rows are inserted, never updated or deleted (the trigger refuses both).
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    target      text NOT NULL,
    before      jsonb,
    after       jsonb,
    reason      text
);
CREATE INDEX audit_log_target ON audit_log (target, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Transactional outbox: written in the same transaction as the change, published to Redis by a background
-- service and marked sent only after Redis accepted it, so no change is lost when Redis or the process fails.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    kind       text NOT NULL,
    payload    text NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
