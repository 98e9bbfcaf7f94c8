-- What the statistics need (issue 14): each case's step, its outcomes with their dates (a
-- history: the decision, then an appeal's outcome), its closing, and failed appointment
-- attempts; all derived from the case's status and dates written by 10-cases.sql, so they are
-- possible together (decision after filing, appeal outcome after the refusal, nothing after the
-- reference day). Reproducible: every choice is gen.r(seed, purpose, case rank).
SET synchronous_commit = off;
SET work_mem = '256MB';
SET jit = off;

CREATE TEMP TABLE oc AS
SELECT c.id, c.tenant_id, c.status, c.filed_on, c.decided_on, c.updated_at, c.created_at, p.seed, p.ref_day,
       row_number() OVER (ORDER BY c.created_at, c.id) AS n
FROM app.cases c CROSS JOIN gen.params p;
ANALYZE oc;

CREATE TEMP TABLE decision AS
SELECT oc.*,
       CASE WHEN oc.decided_on IS NULL THEN NULL
            WHEN oc.status = 'GRANTED' THEN 'GRANTED'
            WHEN oc.status = 'CLOSED' AND gen.r(oc.seed, 'outcome', oc.n) < 0.5 THEN 'GRANTED'
            WHEN gen.r(oc.seed, 'refusal-kind', oc.n) < 0.45 THEN 'REFUSED'
            WHEN gen.r(oc.seed, 'refusal-kind', oc.n) < 0.75 THEN 'IMPLICIT_REFUSAL'
            ELSE 'REFUSED_WITH_OQTF' END AS decision,
       gen.r(oc.seed, 'appeal', oc.n) AS appeal_draw,
       60 + floor(gen.r(oc.seed, 'appeal-days', oc.n) * 340)::int AS appeal_days
FROM oc;

DELETE FROM app.case_outcomes;
INSERT INTO app.case_outcomes (tenant_id, case_id, outcome, outcome_on, recorded_at)
SELECT tenant_id, id, decision, decided_on, decided_on::timestamp AT TIME ZONE 'Europe/Paris'
FROM decision WHERE decision IS NOT NULL;
-- an appeal's outcome: most closed refused cases, some refused ones still under appeal ended
INSERT INTO app.case_outcomes (tenant_id, case_id, outcome, outcome_on, recorded_at)
SELECT tenant_id, id, CASE WHEN appeal_draw < 0.3 THEN 'APPEAL_WON' ELSE 'APPEAL_LOST' END,
       decided_on + appeal_days, (decided_on + appeal_days)::timestamp AT TIME ZONE 'Europe/Paris'
FROM decision
WHERE decision IN ('REFUSED', 'IMPLICIT_REFUSAL', 'REFUSED_WITH_OQTF')
  AND status IN ('CLOSED', 'REFUSED', 'APPEAL') AND decided_on + appeal_days <= ref_day
  AND (status = 'CLOSED' OR appeal_draw < 0.6);
-- closed before any decision: withdrawn
INSERT INTO app.case_outcomes (tenant_id, case_id, outcome, outcome_on, recorded_at)
SELECT tenant_id, id, 'WITHDRAWN', (updated_at AT TIME ZONE 'Europe/Paris')::date, updated_at
FROM decision WHERE status = 'CLOSED' AND decided_on IS NULL;

UPDATE app.cases c SET
    step = CASE c.status WHEN 'PREPARATION' THEN 'preparation' WHEN 'APPOINTMENT' THEN 'appointment'
                         WHEN 'FILED' THEN 'decision' WHEN 'UNDER_REVIEW' THEN 'decision'
                         WHEN 'COMMISSION' THEN 'commission-hearing' WHEN 'APPEAL' THEN 'appeal-contentious'
                         ELSE 'decision' END,
    step_since = c.updated_at,
    outcome = l.outcome, outcome_on = l.outcome_on,
    closed_on = CASE WHEN c.status = 'CLOSED' THEN greatest(l.outcome_on, (c.updated_at AT TIME ZONE 'Europe/Paris')::date) END
FROM (SELECT c.id, o.outcome, o.outcome_on FROM app.cases c
      LEFT JOIN LATERAL (SELECT outcome, outcome_on FROM app.case_outcomes o
                         WHERE o.tenant_id = c.tenant_id AND o.case_id = c.id
                         ORDER BY outcome_on DESC, id DESC LIMIT 1) o ON true) l
WHERE l.id = c.id;

-- failed attempts to book an appointment: 0 to 3 per case that went through the appointment
DELETE FROM app.appointment_attempts;
INSERT INTO app.appointment_attempts (tenant_id, case_id, process_instance_id, attempted_at, channel, result, recorded_at)
SELECT oc.tenant_id, oc.id, 'generated', (oc.created_at AT TIME ZONE 'Europe/Paris') + make_interval(days => 7 * k),
       'PREFECTURE_WEBSITE', CASE WHEN gen.r(oc.seed, 'attempt-result', oc.n * 4 + k) < 0.5 THEN 'NO_SLOT'
                                  ELSE 'SERVICE_UNAVAILABLE' END,
       oc.created_at + make_interval(days => 7 * k)
FROM oc CROSS JOIN generate_series(1, 3) AS k
WHERE oc.status <> 'PREPARATION' AND k <= floor(gen.r(oc.seed, 'attempts', oc.n) * 4)
  AND (oc.created_at AT TIME ZONE 'Europe/Paris')::date + 7 * k <= oc.ref_day;

SELECT 'outcomes ' || count(*) FROM app.case_outcomes
UNION ALL SELECT 'failed attempts ' || count(*) FROM app.appointment_attempts
UNION ALL SELECT 'closed ' || count(*) FROM app.cases WHERE closed_on IS NOT NULL;
