-- A case whose card's renewal was filed closes as RENEWED (issue 18 item 14): the renewal case opened at that
-- filing carries the procedure on (cases.RenewalCases); the case keeps its outcome, notes and documents.
ALTER TABLE cases
    DROP CONSTRAINT cases_closed_reason_check;

ALTER TABLE cases
    ADD CONSTRAINT cases_closed_reason_check
        CHECK (closed_reason IN ('NOT_OURS_ASYLUM', 'NOT_OURS_DUBLIN', 'NO_GROUND', 'WITHDRAWN', 'RENEWED'));
