-- The applicant's birth date joins what the cases module publishes: the appointment step reads it with the
-- case's ground to follow an age-limited ground (L423-21, L423-22 CESEDA) before the limit passes.
CREATE OR REPLACE VIEW published_applicants WITH (security_invoker = true) AS
SELECT id, tenant_id, first_name, last_name, birth_date
FROM applicants;
