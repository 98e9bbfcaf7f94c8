-- Who read or changed which case, when. The service may add and read entries of its own
-- association, never change or remove one.
CREATE TABLE audit_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES associations (slug),
    case_id     uuid,
    actor_id    text NOT NULL,
    actor_name  text,
    action      text NOT NULL,
    detail      text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_case ON audit_events (tenant_id, case_id, at DESC);
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, at DESC);

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_events
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT ON audit_events TO ${appRole};
