-- The document checklist of a case and the coordinator's filing override. Tenant-owned.
-- One row per piece of a case's checklist that someone has touched; no row means MISSING.
CREATE TABLE checklist_items (
    tenant_id         text NOT NULL,
    case_id           uuid NOT NULL,
    piece             text NOT NULL CHECK (piece ~ '^[a-z0-9-]{1,60}$'),
    status            text NOT NULL CHECK (status IN ('MISSING', 'RECEIVED', 'VERIFIED')),
    variant           text CHECK (variant ~ '^[a-z0-9-]{1,60}$'),
    issued_on         date,
    foreign_language  boolean,
    translated        boolean NOT NULL DEFAULT false,
    note              text CHECK (length(note) <= 2000),
    updated_at        timestamptz NOT NULL,
    updated_by        text NOT NULL,
    PRIMARY KEY (case_id, piece),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);

-- A coordinator's decision to file although the checklist is not complete, with the reason.
CREATE TABLE filing_overrides (
    case_id     uuid PRIMARY KEY,
    tenant_id   text NOT NULL,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    by_id       text NOT NULL,
    by_name     text,
    at          timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE checklist_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE checklist_items FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON checklist_items
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
ALTER TABLE filing_overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE filing_overrides FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON filing_overrides
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON checklist_items, filing_overrides TO ${appRole};
