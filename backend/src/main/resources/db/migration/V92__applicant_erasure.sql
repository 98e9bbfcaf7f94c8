-- Erasing one applicant (GDPR art. 17, docs/personal-data.md): the audit keeps that a case was read or
-- changed, by whom and when, but the details of an erased applicant's entries (a document's file name, an
-- override's reason...) are blanked. Only the detail: who, what and when stay untouchable.
GRANT UPDATE (detail) ON audit_events TO ${appRole};
