-- The applicant's own status page (status module, issue 23). A link staff give the applicant: its
-- random 128-bit token is found by its SHA-256, its 6-digit code said in person checked against the
-- SHA-256 of token and code (status.internal.LinkSecrets); both also sealed (AES-GCM) under the
-- service's key so staff can show the link again: without that key the table holds no working link.
-- Keyed by case (and cascading with it) so that erasing the case's applicant reaches them. At most one
-- active link per case; a revoked one keeps its row (revoked set) and answers 404.
CREATE TABLE status_links (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES associations (slug),
    case_id         uuid NOT NULL,
    token_hash      text NOT NULL UNIQUE,
    code_hash       text NOT NULL,
    sealed          bytea NOT NULL,
    language        text NOT NULL,
    failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked          timestamptz,
    created         timestamptz NOT NULL,
    created_by      text NOT NULL,
    revoked         timestamptz,
    last_viewed     timestamptz,
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX status_links_one_active ON status_links (tenant_id, case_id) WHERE revoked IS NULL;
CREATE INDEX status_links_by_case ON status_links (tenant_id, case_id);
ALTER TABLE status_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE status_links FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON status_links
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON status_links TO ${appRole};

-- What the status page tells the applicant of how to reach the association (phone, address, opening
-- hours), one text per association, written by its staff.
CREATE TABLE status_contacts (
    tenant_id   text PRIMARY KEY REFERENCES associations (slug),
    contact     text NOT NULL CHECK (length(contact) BETWEEN 1 AND 1000),
    updated     timestamptz NOT NULL,
    updated_by  text NOT NULL
);
ALTER TABLE status_contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE status_contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON status_contacts
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE ON status_contacts TO ${appRole};
