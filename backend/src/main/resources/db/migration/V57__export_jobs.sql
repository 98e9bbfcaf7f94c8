-- Excel exports of the caseload statistics, run in the background on the engine's job executor
-- (reporting.ExportJobs): any node runs them, a restart loses none (the engine's job is the
-- queue, its lock expires), progress is written as it goes, the file is kept until expires_at.
-- Tenant-owned, under the same row-level security as app.cases: only the association that asked
-- sees the job or downloads the file.
CREATE TABLE export_jobs (
    id                 uuid PRIMARY KEY,
    tenant_id          text NOT NULL REFERENCES associations (slug),
    requested_by       text NOT NULL CHECK (length(requested_by) <= 100),
    requested_by_name  text CHECK (length(requested_by_name) <= 200),
    with_names         boolean NOT NULL DEFAULT false,
    filters            jsonb NOT NULL DEFAULT '{}',
    status             text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
    rows_total         integer,
    rows_done          integer NOT NULL DEFAULT 0,
    error              text CHECK (length(error) <= 2000),
    file               bytea,
    file_size          bigint,
    engine_job_id      text,
    created_at         timestamptz NOT NULL,
    started_at         timestamptz,
    finished_at        timestamptz,
    expires_at         timestamptz
);
CREATE INDEX export_jobs_by_tenant ON export_jobs (tenant_id, created_at DESC);

ALTER TABLE export_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE export_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON export_jobs
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON export_jobs TO ${appRole};
