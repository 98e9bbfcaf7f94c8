-- A renewal case (issue 18 item 14): the case opened when the renewal of the card granted in an earlier
-- case is filed (R431-5 CESEDA), linked to that case. One renewal case per case: the unique index makes
-- the opening idempotent (cases.RenewalCases, on procedure.RenewalFiled).
ALTER TABLE cases
    ADD COLUMN renewal_of uuid REFERENCES cases (id) ON DELETE SET NULL;

CREATE UNIQUE INDEX cases_renewal_of ON cases (renewal_of) WHERE renewal_of IS NOT NULL;
