-- The attempts to get a prefecture appointment, as the caseworker recorded them: case data kept
-- with the case (engine history expires), the evidence for a référé "mesures utiles" (L521-3 CJA).
-- Written by the engine's task listener (procedure.AppointmentAttempts) in the engine's own
-- transaction. Tenant-owned, under the same row-level security as app.cases.

CREATE TABLE appointment_attempts (
    id                   bigserial PRIMARY KEY,
    tenant_id            text NOT NULL REFERENCES associations (slug),
    case_id              uuid NOT NULL,
    process_instance_id  text NOT NULL,
    -- when the attempt was made, Paris local time as entered
    attempted_at         timestamp NOT NULL,
    channel              text,
    result               text NOT NULL,
    evidence             text,
    recorded_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX appointment_attempts_by_case ON appointment_attempts (tenant_id, case_id, attempted_at);

ALTER TABLE appointment_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE appointment_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON appointment_attempts
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT ON appointment_attempts TO ${appRole};
GRANT USAGE ON SEQUENCE appointment_attempts_id_seq TO ${appRole};
