-- How each caller authenticated for the tokens it used (client_secret_basic, private_key_jwt, federated...), from the
-- usage events: the identity card shows it and the findings tell a secret nobody uses any more.
ALTER TABLE callers ADD COLUMN authentication_methods text[] NOT NULL DEFAULT '{}';
