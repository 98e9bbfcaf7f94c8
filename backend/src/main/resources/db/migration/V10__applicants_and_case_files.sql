-- The applicant a case is for, and the case's prefecture, assignee and key dates.
-- Tenant-owned, under the same row-level security as app.cases (V1).

CREATE TABLE applicants (
    id                    uuid PRIMARY KEY,
    tenant_id             text NOT NULL REFERENCES associations (slug),
    first_name            text CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name             text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    birth_date            date,
    nationality           text CHECK (nationality ~ '^[A-Z]{3}$'),
    entry_date            date,
    languages             jsonb NOT NULL DEFAULT '[]',
    interpreter_needed    boolean NOT NULL DEFAULT false,
    interpreter_language  text CHECK (length(interpreter_language) <= 60),
    phone                 text CHECK (length(phone) <= 30),
    email                 text CHECK (length(email) <= 254),
    address_line          text CHECK (length(address_line) <= 300),
    postal_code           text CHECK (postal_code ~ '^[0-9]{5}$'),
    city                  text CHECK (length(city) <= 100),
    family                jsonb NOT NULL DEFAULT '{}',
    family_notes          text CHECK (length(family_notes) <= 10000),
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, id),
    CHECK (birth_date IS NULL OR entry_date IS NULL OR birth_date <= entry_date)
);
CREATE INDEX applicants_tenant_name ON applicants (tenant_id, lower(last_name), lower(first_name));

-- Existing cases get an applicant each, named as the case was (last word as the last name).
-- The migration role reads every association's cases once, so FORCE is lifted meanwhile.
ALTER TABLE cases NO FORCE ROW LEVEL SECURITY;
INSERT INTO applicants (id, tenant_id, first_name, last_name, created_at, updated_at)
SELECT id, tenant_id, substring(btrim(applicant_name) FROM '^(.*\S)\s+\S+$'),
       substring(btrim(applicant_name) FROM '(\S+)$'), created_at, updated_at
FROM cases;

ALTER TABLE cases
    ADD COLUMN applicant_id        uuid,
    ADD COLUMN prefecture          text CHECK (length(prefecture) <= 200),
    ADD COLUMN online_filing       boolean NOT NULL DEFAULT false,
    ADD COLUMN conditions_met      boolean,
    ADD COLUMN assignee_id         text CHECK (length(assignee_id) <= 100),
    ADD COLUMN assignee_name       text CHECK (length(assignee_name) <= 200),
    ADD COLUMN appointment_on      date,
    ADD COLUMN filed_on            date,
    ADD COLUMN receipt_expires_on  date,
    ADD COLUMN commission_on       date,
    ADD COLUMN decided_on          date,
    ADD COLUMN notified_on         date;
UPDATE cases SET applicant_id = id;
ALTER TABLE cases
    ALTER COLUMN applicant_id SET NOT NULL,
    DROP COLUMN applicant_name,
    ADD UNIQUE (tenant_id, id),
    -- the applicant is the same association's: a case can never point across tenants
    ADD FOREIGN KEY (tenant_id, applicant_id) REFERENCES applicants (tenant_id, id),
    ADD CHECK (decided_on IS NULL OR filed_on IS NULL OR decided_on >= filed_on),
    ADD CHECK (notified_on IS NULL OR decided_on IS NULL OR notified_on >= decided_on),
    ADD CHECK (receipt_expires_on IS NULL OR filed_on IS NULL OR receipt_expires_on > filed_on);
CREATE INDEX cases_applicant ON cases (tenant_id, applicant_id);
ALTER TABLE cases FORCE ROW LEVEL SECURITY;

ALTER TABLE applicants ENABLE ROW LEVEL SECURITY;
ALTER TABLE applicants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON applicants
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON applicants TO ${appRole};
