-- What platform admins did: associations created or renamed, members added to or removed
-- from a role. Not tenant-owned: an association is created before it could have a log of its
-- own, and a platform admin belongs to no association, so could never read its entries under
-- row-level security. It holds no case contents (slugs, user ids and names, roles). The
-- service may add and read entries (platform admins only, checked in the service), never
-- change or remove one.
CREATE TABLE platform_audit_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    association     text REFERENCES associations (slug),
    actor_id        text NOT NULL,
    actor_name      text,
    action          text NOT NULL,
    target_user_id  text,
    detail          text,
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX platform_audit_events_at ON platform_audit_events (at DESC, id DESC);
CREATE INDEX platform_audit_events_association ON platform_audit_events (association, at DESC);

GRANT SELECT, INSERT ON platform_audit_events TO ${appRole};
