-- Where a case stands in its procedure, written by the engine in its own transaction
-- (procedure.CaseProgressProjection, through cases.CaseProgress): the current step (the
-- process definition key of the procedure being run: appointment, filing, decision,
-- commission-hearing, appeal-*), since when, the latest outcome and its date, when it closed.
ALTER TABLE cases
    ADD COLUMN step        text CHECK (length(step) <= 60),
    ADD COLUMN step_since  timestamptz,
    ADD COLUMN outcome     text CHECK (outcome IN ('GRANTED', 'REFUSED', 'REFUSED_WITH_OQTF', 'IMPLICIT_REFUSAL',
                                                   'APPEAL_WON', 'APPEAL_LOST', 'WITHDRAWN')),
    ADD COLUMN outcome_on  date,
    ADD COLUMN closed_on   date;

-- Every outcome a case went through, in order (a refusal, then the appeal's judgment): the
-- statistics count decisions per month from here and measure refusal to appeal outcome.
CREATE TABLE case_outcomes (
    id           bigserial PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES associations (slug),
    case_id      uuid NOT NULL,
    outcome      text NOT NULL CHECK (outcome IN ('GRANTED', 'REFUSED', 'REFUSED_WITH_OQTF', 'IMPLICIT_REFUSAL',
                                                  'APPEAL_WON', 'APPEAL_LOST', 'WITHDRAWN')),
    outcome_on   date NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, case_id, outcome, outcome_on),
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX case_outcomes_by_date ON case_outcomes (tenant_id, outcome_on);
CREATE INDEX case_outcomes_by_case ON case_outcomes (tenant_id, case_id, outcome_on);
CREATE INDEX cases_open_by_step ON cases (tenant_id, status, step);

ALTER TABLE case_outcomes ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_outcomes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON case_outcomes
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON case_outcomes TO ${appRole};
GRANT USAGE ON SEQUENCE case_outcomes_id_seq TO ${appRole};
