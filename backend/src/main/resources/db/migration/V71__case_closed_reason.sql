-- Why a case was closed at triage (procedure.CaseProgressProjection, from the form case-prepare's
-- closingKind): not the association's (an asylum claim, a Dublin procedure), no ground that holds,
-- or the person withdrew. Cleared when an OQTF reopens the case's follow-up.
ALTER TABLE cases
    ADD COLUMN closed_reason text CHECK (closed_reason IN ('NOT_OURS_ASYLUM', 'NOT_OURS_DUBLIN', 'NO_GROUND', 'WITHDRAWN'));
