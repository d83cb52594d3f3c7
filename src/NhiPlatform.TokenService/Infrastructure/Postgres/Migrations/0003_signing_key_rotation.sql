-- Rotation without a failed call: a key is published when created and signs only from activates_at on; a
-- superseded key stops signing at retired_at and stays published until its last token expired.
ALTER TABLE signing_keys ADD COLUMN activates_at timestamptz;
UPDATE signing_keys SET activates_at = created_at;
ALTER TABLE signing_keys ALTER COLUMN activates_at SET NOT NULL;
