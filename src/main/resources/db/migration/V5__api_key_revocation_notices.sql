-- Tells every replica's cache of verified API keys (apikeys.RevocationListener) that a key it may
-- hold is no longer valid as it was: revoked, deleted, or changed. A trigger rather than a call in
-- the service's revoke statement, so that a key revoked by hand in SQL is dropped everywhere too.
-- NOTIFY is delivered when the transaction commits, and never if it rolls back. The payload is the
-- key's SHA-256 in hex, the cache's key; the key itself is never stored.
CREATE FUNCTION notify_api_key_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('api_key_revoked', encode(OLD.key_hash, 'hex'));
    RETURN NULL;
END
$$;

-- Only keys that were active: a revoked key is never cached.
CREATE TRIGGER api_key_revoked AFTER UPDATE OR DELETE ON api_keys
    FOR EACH ROW WHEN (OLD.revoked_at IS NULL) EXECUTE FUNCTION notify_api_key_revoked();
