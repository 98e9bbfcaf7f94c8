-- What the cases module publishes for other modules to read in SQL (docs/architecture.md): its tables
-- stay its own, these views are the contract. Others (the task lists, the statistics, the export, the
-- lawyer's inbox, consents) read these and never the tables, so cases may change its tables and keep
-- the views. Plain views, inlined by the planner (no cost), with security_invoker: the tables'
-- row-level security applies to the reader as if it read the tables.

CREATE VIEW published_cases WITH (security_invoker = true) AS
SELECT id, tenant_id, reference, applicant_id, ground, prefecture, department, status, step, outcome, outcome_on,
       created_at, appointment_on, filed_on, receipt_expires_on, decided_on, closed_on, assignee_id, assignee_name
FROM cases;

CREATE VIEW published_applicants WITH (security_invoker = true) AS
SELECT id, tenant_id, first_name, last_name
FROM applicants;

CREATE VIEW published_case_outcomes WITH (security_invoker = true) AS
SELECT tenant_id, case_id, outcome, outcome_on
FROM case_outcomes;

CREATE VIEW published_case_documents WITH (security_invoker = true) AS
SELECT id, tenant_id, case_id
FROM case_documents;

GRANT SELECT ON published_cases, published_applicants, published_case_outcomes, published_case_documents
    TO ${appRole};
