-- Retention of personal data (issue 21, docs/personal-data.md): each association sets how long an applicant's
-- data is kept after the last contact once all their cases are closed (24 months by default, after the CNIL's
-- référentiel for social support, délibération n° 2021-028); then a daily job anonymises the applicant
-- (anonymised_at) and keeps the anonymous figures of their cases.
CREATE TABLE retention_settings (
    tenant_id   text PRIMARY KEY REFERENCES associations (slug),
    months      integer NOT NULL CHECK (months BETWEEN 1 AND 120),
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL
);
ALTER TABLE retention_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON retention_settings
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
GRANT SELECT, INSERT, UPDATE ON retention_settings TO ${appRole};

ALTER TABLE applicants ADD COLUMN anonymised_at timestamptz;
-- the daily job's search: applicants not yet anonymised
CREATE INDEX applicants_not_anonymised ON applicants (tenant_id) WHERE anonymised_at IS NULL;
-- anonymising replaces the free text other modules keep about a case (each module its own, on ApplicantAnonymised)
GRANT UPDATE (reason) ON appeal_offer_declines TO ${appRole};
GRANT UPDATE (evidence) ON appointment_attempts TO ${appRole};
