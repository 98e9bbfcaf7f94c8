-- Application tables live in schema app, owned by the migration role; the engine's tables
-- live in public. The service connects as ${appRole}, which is neither owner nor superuser,
-- so the row-level security policies below apply to every query it makes.

CREATE TABLE associations (
    slug        text PRIMARY KEY CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cases (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES associations (slug),
    reference       text NOT NULL,
    applicant_name  text NOT NULL,
    ground          text NOT NULL,
    department      text NOT NULL,
    status          text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, reference)
);
CREATE INDEX cases_tenant_updated ON cases (tenant_id, updated_at DESC);

-- The request's association is set on every connection the service checks out
-- (passerelle.tenant_id). Unset or empty, it matches no row: a forgotten WHERE leaks nothing.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON cases
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT USAGE ON SCHEMA app TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON associations TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON cases TO ${appRole};
