-- Federated credentials (the shape of Entra's federated identity credentials): an identity trusts tokens of an external
-- issuer for one exact subject, audience set and extra claims. No secret is stored; a pinned JWKS is public keys only.
CREATE TABLE federated_credentials (
    credential_id uuid PRIMARY KEY,
    client_id     text NOT NULL REFERENCES identities (client_id),
    name          text NOT NULL,
    issuer        text NOT NULL,
    subject       text NOT NULL,
    audiences     text[] NOT NULL,
    claims        jsonb NOT NULL DEFAULT '{}',
    description   text,
    jwks          text,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    last_used_at  timestamptz,
    UNIQUE (client_id, name)
);

-- Token requests without client_id find the identity by issuer and subject.
CREATE INDEX federated_credentials_issuer_subject ON federated_credentials (issuer, subject);
