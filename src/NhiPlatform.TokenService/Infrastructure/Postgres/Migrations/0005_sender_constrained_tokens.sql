-- Policy (RFC 9449): the token endpoint issues this identity only DPoP-bound tokens.
-- Numbered 0005, leaving 0004 to the federated-credentials work of the same issue (versions are keys, never shared).
ALTER TABLE identities ADD COLUMN require_sender_constrained_tokens boolean NOT NULL DEFAULT false;
