-- Notes on a case: written once, never edited (no UPDATE grant). Tenant-owned.
CREATE TABLE case_notes (
    id           uuid PRIMARY KEY,
    tenant_id    text NOT NULL,
    case_id      uuid NOT NULL,
    author_id    text NOT NULL,
    author_name  text,
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    created_at   timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX case_notes_case ON case_notes (tenant_id, case_id, created_at DESC);

ALTER TABLE case_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_notes
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, DELETE ON case_notes TO ${appRole};
