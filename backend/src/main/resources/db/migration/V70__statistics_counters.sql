-- The dashboard's figures kept as counters (reporting.StatisticsQueries reads them): a dashboard
-- reads a few hundred to a few thousand counter rows instead of every open case, outcome and
-- appointment attempt of the association. Each counter is keyed by the association and the
-- case's ground, prefecture ('' when none) and assignee ('' when unassigned), the case filters
-- every figure takes, and by day where a figure falls in a period.
--
-- They are kept by triggers on the tables they count (cases, case_outcomes,
-- appointment_attempts), so they change in the transaction that changes a case, whoever writes
-- it: the engine's command (procedure.CaseProgressProjection through cases.CaseProgress), a
-- caseworker's edit, an assignment, a deletion. The triggers run with the writer's rights,
-- under row-level security like every table here: a case's counters carry its association.

-- open cases by step (the procedure being run; 'preparation' before any), with the assignee's
-- name for the workload
CREATE TABLE stats_open_cases (
    tenant_id      text NOT NULL REFERENCES associations (slug),
    step           text NOT NULL,
    ground         text NOT NULL,
    prefecture     text NOT NULL,
    assignee_id    text NOT NULL,
    assignee_name  text,
    cases          bigint NOT NULL,
    PRIMARY KEY (tenant_id, step, ground, prefecture, assignee_id)
);

-- outcomes by the day of the outcome
CREATE TABLE stats_outcomes (
    tenant_id    text NOT NULL REFERENCES associations (slug),
    day          date NOT NULL,
    outcome      text NOT NULL,
    ground       text NOT NULL,
    prefecture   text NOT NULL,
    assignee_id  text NOT NULL,
    cases        bigint NOT NULL,
    PRIMARY KEY (tenant_id, day, outcome, ground, prefecture, assignee_id)
);

-- durations in days, by the day they ended: F filing to the first decision on or after it,
-- A first refusal to the first appeal outcome on or after it (docs/api-reporting.md)
CREATE TABLE stats_durations (
    tenant_id    text NOT NULL REFERENCES associations (slug),
    ended_on     date NOT NULL,
    kind         char(1) NOT NULL CHECK (kind IN ('F', 'A')),
    days         integer NOT NULL,
    ground       text NOT NULL,
    prefecture   text NOT NULL,
    assignee_id  text NOT NULL,
    cases        bigint NOT NULL,
    PRIMARY KEY (tenant_id, ended_on, kind, days, ground, prefecture, assignee_id)
);

-- failed appointment attempts (any result but SLOT_OBTAINED) by the day of the attempt
CREATE TABLE stats_failed_attempts (
    tenant_id    text NOT NULL REFERENCES associations (slug),
    day          date NOT NULL,
    ground       text NOT NULL,
    prefecture   text NOT NULL,
    assignee_id  text NOT NULL,
    attempts     bigint NOT NULL,
    PRIMARY KEY (tenant_id, day, ground, prefecture, assignee_id)
);

-- the récépissés of open cases expiring soon or expired are counted from the cases, in this
-- index: a handful of days' worth of cases, and a day-keyed counter would be as large
CREATE INDEX cases_open_receipts ON cases (tenant_id, receipt_expires_on) INCLUDE (ground, prefecture, assignee_id)
    WHERE status <> 'CLOSED' AND receipt_expires_on IS NOT NULL;

-- ---- the changes to the counters

CREATE FUNCTION stats_add_open(t text, s text, g text, p text, a text, name text, n bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO app.stats_open_cases AS x (tenant_id, step, ground, prefecture, assignee_id, assignee_name, cases)
    VALUES (t, COALESCE(s, 'preparation'), g, COALESCE(p, ''), COALESCE(a, ''), name, n)
    ON CONFLICT (tenant_id, step, ground, prefecture, assignee_id)
    DO UPDATE SET cases = x.cases + EXCLUDED.cases, assignee_name = GREATEST(x.assignee_name, EXCLUDED.assignee_name)
$$;

-- every failed appointment attempt of one case, added (n = 1) or taken off (n = -1) under the
-- given ground, prefecture and assignee
CREATE FUNCTION stats_add_case_attempts(t text, cid uuid, g text, p text, a text, n bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO app.stats_failed_attempts AS x (tenant_id, day, ground, prefecture, assignee_id, attempts)
    SELECT t, m.attempted_at::date, g, COALESCE(p, ''), COALESCE(a, ''), n * count(*)
    FROM app.appointment_attempts m
    WHERE m.tenant_id = t AND m.case_id = cid AND m.result <> 'SLOT_OBTAINED'
    GROUP BY m.attempted_at::date ORDER BY m.attempted_at::date
    ON CONFLICT (tenant_id, day, ground, prefecture, assignee_id) DO UPDATE SET attempts = x.attempts + EXCLUDED.attempts
$$;

-- Outcomes with a sign (n: 1 added, -1 taken off) and their case's filing date, ground,
-- prefecture and assignee: their counts per day and outcome, and the durations they make per
-- case and sign (the outcomes of one case and sign are all that case's outcomes at one time),
-- either or both.
-- Rows: {n, tenant_id, case_id, outcome, outcome_on, filed_on, ground, prefecture, assignee_id}.
CREATE FUNCTION stats_add_outcomes(outcomes jsonb, with_counts boolean, with_durations boolean) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO app.stats_outcomes AS x (tenant_id, day, outcome, ground, prefecture, assignee_id, cases)
    SELECT r.tenant_id, r.outcome_on, r.outcome, r.ground, COALESCE(r.prefecture, ''), COALESCE(r.assignee_id, ''),
           sum(r.n)
    FROM jsonb_to_recordset(outcomes) AS r (n integer, tenant_id text, outcome text, outcome_on date, ground text,
                                            prefecture text, assignee_id text)
    WHERE with_counts
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(r.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (tenant_id, day, outcome, ground, prefecture, assignee_id) DO UPDATE SET cases = x.cases + EXCLUDED.cases;

    WITH o AS (
        SELECT r.*, min(r.outcome_on) FILTER (WHERE r.outcome IN ('REFUSED', 'REFUSED_WITH_OQTF', 'IMPLICIT_REFUSAL'))
                        OVER (PARTITION BY r.n, r.tenant_id, r.case_id) AS first_refusal
        FROM jsonb_to_recordset(outcomes) AS r (n integer, tenant_id text, case_id uuid, outcome text, outcome_on date,
                                                filed_on date, ground text, prefecture text, assignee_id text)),
    per_case AS (
        SELECT n, tenant_id, case_id, ground, COALESCE(prefecture, '') AS prefecture,
               COALESCE(assignee_id, '') AS assignee_id, min(filed_on) AS filed_on,
               min(first_refusal) AS first_refusal,
               min(outcome_on) FILTER (WHERE outcome IN ('GRANTED', 'REFUSED', 'REFUSED_WITH_OQTF', 'IMPLICIT_REFUSAL')
                                         AND outcome_on >= filed_on) AS decided_on,
               min(outcome_on) FILTER (WHERE outcome IN ('APPEAL_WON', 'APPEAL_LOST')
                                         AND outcome_on >= first_refusal) AS appeal_on
        FROM o GROUP BY n, tenant_id, case_id, ground, COALESCE(prefecture, ''), COALESCE(assignee_id, ''))
    INSERT INTO app.stats_durations AS x (tenant_id, ended_on, kind, days, ground, prefecture, assignee_id, cases)
    SELECT p.tenant_id, d.ended_on, d.kind, d.days, p.ground, p.prefecture, p.assignee_id, sum(p.n)
    FROM per_case p
    CROSS JOIN LATERAL (VALUES ('F', p.decided_on, p.decided_on - p.filed_on),
                               ('A', p.appeal_on, p.appeal_on - p.first_refusal)) d (kind, ended_on, days)
    WHERE with_durations AND d.ended_on IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(p.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (tenant_id, ended_on, kind, days, ground, prefecture, assignee_id) DO UPDATE SET cases = x.cases + EXCLUDED.cases
$$;

-- one case's outcomes as they are now, signed, with the filing date and keys given
CREATE FUNCTION stats_case_outcomes(n integer, t text, cid uuid, filed_on date, g text, p text, a text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(jsonb_agg(jsonb_build_object('n', n, 'tenant_id', t, 'case_id', cid, 'outcome', o.outcome,
                                                 'outcome_on', o.outcome_on, 'filed_on', filed_on, 'ground', g,
                                                 'prefecture', p, 'assignee_id', a)), '[]')
    FROM app.case_outcomes o WHERE o.tenant_id = t AND o.case_id = cid
$$;

-- ---- cases: opened, changed (step, status, keys, filing date), closed, deleted

CREATE FUNCTION stats_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Counter rows are changed in the order of their keys (here, and ORDER BY in the functions),
    -- and the tables in one order (open cases, outcomes, durations, attempts): two transactions
    -- moving cases between the same keys in opposite directions wait for each other, never deadlock.
    IF TG_OP = 'UPDATE' AND OLD.status <> 'CLOSED' AND NEW.status <> 'CLOSED'
            AND (COALESCE(NEW.step, 'preparation'), NEW.ground, COALESCE(NEW.prefecture, ''), COALESCE(NEW.assignee_id, ''))
                < (COALESCE(OLD.step, 'preparation'), OLD.ground, COALESCE(OLD.prefecture, ''),
                   COALESCE(OLD.assignee_id, '')) THEN
        PERFORM app.stats_add_open(NEW.tenant_id, NEW.step, NEW.ground, NEW.prefecture, NEW.assignee_id,
                                   NEW.assignee_name, 1);
        PERFORM app.stats_add_open(OLD.tenant_id, OLD.step, OLD.ground, OLD.prefecture, OLD.assignee_id, NULL, -1);
    ELSE
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'CLOSED' THEN
            PERFORM app.stats_add_open(OLD.tenant_id, OLD.step, OLD.ground, OLD.prefecture, OLD.assignee_id, NULL, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'CLOSED' THEN
            PERFORM app.stats_add_open(NEW.tenant_id, NEW.step, NEW.ground, NEW.prefecture, NEW.assignee_id,
                                       NEW.assignee_name, 1);
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM app.stats_add_outcomes(app.stats_case_outcomes(-1, OLD.tenant_id, OLD.id, OLD.filed_on, OLD.ground,
                                                               OLD.prefecture, OLD.assignee_id), true, true);
        PERFORM app.stats_add_case_attempts(OLD.tenant_id, OLD.id, OLD.ground, OLD.prefecture, OLD.assignee_id, -1);
    ELSIF TG_OP = 'UPDATE' AND (OLD.ground, OLD.prefecture, OLD.assignee_id, OLD.filed_on)
                               IS DISTINCT FROM (NEW.ground, NEW.prefecture, NEW.assignee_id, NEW.filed_on) THEN
        -- the case's outcomes and durations move to its new keys (the counts only when a key changed)
        PERFORM app.stats_add_outcomes(
            app.stats_case_outcomes(-1, OLD.tenant_id, OLD.id, OLD.filed_on, OLD.ground, OLD.prefecture, OLD.assignee_id)
            || app.stats_case_outcomes(1, NEW.tenant_id, NEW.id, NEW.filed_on, NEW.ground, NEW.prefecture,
                                       NEW.assignee_id),
            (OLD.ground, OLD.prefecture, OLD.assignee_id) IS DISTINCT FROM (NEW.ground, NEW.prefecture, NEW.assignee_id),
            true);
        IF (OLD.ground, OLD.prefecture, OLD.assignee_id) IS DISTINCT FROM (NEW.ground, NEW.prefecture, NEW.assignee_id) THEN
            PERFORM app.stats_add_case_attempts(OLD.tenant_id, OLD.id, OLD.ground, OLD.prefecture, OLD.assignee_id, -1);
            PERFORM app.stats_add_case_attempts(NEW.tenant_id, NEW.id, NEW.ground, NEW.prefecture, NEW.assignee_id, 1);
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- before the deletion, while the case's outcomes and attempts are still there (the cascade that
-- removes them then finds no case and counts nothing)
CREATE TRIGGER stats_case_deleted BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION stats_case_changed();
CREATE TRIGGER stats_case_opened AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION stats_case_changed();
CREATE TRIGGER stats_case_updated AFTER UPDATE ON cases FOR EACH ROW
    WHEN ((OLD.status, OLD.step, OLD.ground, OLD.prefecture, OLD.assignee_id, OLD.assignee_name, OLD.filed_on)
          IS DISTINCT FROM (NEW.status, NEW.step, NEW.ground, NEW.prefecture, NEW.assignee_id, NEW.assignee_name,
                            NEW.filed_on))
    EXECUTE FUNCTION stats_case_changed();

-- ---- outcomes, per statement: a statement adding several outcomes to one case changes that
-- case's durations once, from its outcomes before the statement to its outcomes after

CREATE FUNCTION stats_outcomes_apply(added jsonb, removed jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- the counts: only the outcomes added and removed
    PERFORM app.stats_add_outcomes(COALESCE((
        SELECT jsonb_agg(jsonb_build_object('n', s.n, 'tenant_id', s.tenant_id, 'outcome', s.outcome,
                                            'outcome_on', s.outcome_on, 'ground', c.ground,
                                            'prefecture', c.prefecture, 'assignee_id', c.assignee_id))
        FROM (SELECT 1 AS n, * FROM jsonb_to_recordset(added) AS r (tenant_id text, case_id uuid, outcome text,
                                                                    outcome_on date)
              UNION ALL
              SELECT -1, * FROM jsonb_to_recordset(removed) AS r (tenant_id text, case_id uuid, outcome text,
                                                                   outcome_on date)) s
        JOIN app.cases c ON c.tenant_id = s.tenant_id AND c.id = s.case_id), '[]'), true, false);
    -- then the durations of the cases concerned, from before to after
    PERFORM app.stats_add_outcomes(COALESCE((
        WITH a AS (SELECT * FROM jsonb_to_recordset(added) AS r (id bigint, tenant_id text, case_id uuid, outcome text,
                                                                 outcome_on date)),
        r AS (SELECT * FROM jsonb_to_recordset(removed) AS r (id bigint, tenant_id text, case_id uuid, outcome text,
                                                              outcome_on date)),
        k AS (SELECT tenant_id, case_id FROM a UNION SELECT tenant_id, case_id FROM r),
        now AS (SELECT o.id, o.tenant_id, o.case_id, o.outcome, o.outcome_on
                FROM app.case_outcomes o JOIN k ON k.tenant_id = o.tenant_id AND k.case_id = o.case_id),
        signed AS (
            SELECT 1 AS n, * FROM now
            UNION ALL SELECT -1, * FROM now WHERE id NOT IN (SELECT id FROM a)
            UNION ALL SELECT -1, * FROM r)
        SELECT jsonb_agg(jsonb_build_object('n', s.n, 'tenant_id', s.tenant_id, 'case_id', s.case_id,
                                            'outcome', s.outcome, 'outcome_on', s.outcome_on, 'filed_on', c.filed_on,
                                            'ground', c.ground, 'prefecture', c.prefecture,
                                            'assignee_id', c.assignee_id))
        FROM signed s JOIN app.cases c ON c.tenant_id = s.tenant_id AND c.id = s.case_id), '[]'), false, true);
END $$;

CREATE FUNCTION stats_outcomes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM app.stats_outcomes_apply((SELECT COALESCE(jsonb_agg(to_jsonb(x)), '[]') FROM stats_new x), '[]');
    RETURN NULL;
END $$;
CREATE FUNCTION stats_outcomes_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM app.stats_outcomes_apply('[]', (SELECT COALESCE(jsonb_agg(to_jsonb(x)), '[]') FROM stats_old x));
    RETURN NULL;
END $$;
CREATE FUNCTION stats_outcomes_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM app.stats_outcomes_apply((SELECT COALESCE(jsonb_agg(to_jsonb(x)), '[]') FROM stats_new x),
                                     (SELECT COALESCE(jsonb_agg(to_jsonb(x)), '[]') FROM stats_old x));
    RETURN NULL;
END $$;
CREATE TRIGGER stats_outcomes_inserted AFTER INSERT ON case_outcomes REFERENCING NEW TABLE AS stats_new
    FOR EACH STATEMENT EXECUTE FUNCTION stats_outcomes_inserted();
CREATE TRIGGER stats_outcomes_deleted AFTER DELETE ON case_outcomes REFERENCING OLD TABLE AS stats_old
    FOR EACH STATEMENT EXECUTE FUNCTION stats_outcomes_deleted();
CREATE TRIGGER stats_outcomes_updated AFTER UPDATE ON case_outcomes REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new
    FOR EACH STATEMENT EXECUTE FUNCTION stats_outcomes_updated();

-- ---- appointment attempts

CREATE FUNCTION stats_attempt_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.result <> 'SLOT_OBTAINED' THEN
        SELECT ground, prefecture, assignee_id INTO c FROM app.cases WHERE tenant_id = OLD.tenant_id AND id = OLD.case_id;
        IF FOUND THEN
            INSERT INTO app.stats_failed_attempts AS x (tenant_id, day, ground, prefecture, assignee_id, attempts)
            VALUES (OLD.tenant_id, OLD.attempted_at::date, c.ground, COALESCE(c.prefecture, ''),
                    COALESCE(c.assignee_id, ''), -1)
            ON CONFLICT (tenant_id, day, ground, prefecture, assignee_id) DO UPDATE SET attempts = x.attempts - 1;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.result <> 'SLOT_OBTAINED' THEN
        SELECT ground, prefecture, assignee_id INTO c FROM app.cases WHERE tenant_id = NEW.tenant_id AND id = NEW.case_id;
        IF FOUND THEN
            INSERT INTO app.stats_failed_attempts AS x (tenant_id, day, ground, prefecture, assignee_id, attempts)
            VALUES (NEW.tenant_id, NEW.attempted_at::date, c.ground, COALESCE(c.prefecture, ''),
                    COALESCE(c.assignee_id, ''), 1)
            ON CONFLICT (tenant_id, day, ground, prefecture, assignee_id) DO UPDATE SET attempts = x.attempts + 1;
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER stats_attempt_changed AFTER INSERT OR UPDATE OR DELETE ON appointment_attempts FOR EACH ROW
    EXECUTE FUNCTION stats_attempt_changed();

-- ---- the counters of the cases already there, one association at a time under row-level
-- security (the owner is under FORCE ROW LEVEL SECURITY too)

DO $$
DECLARE
    slug text;
BEGIN
    FOR slug IN SELECT a.slug FROM app.associations a LOOP
        PERFORM set_config('passerelle.tenant_id', slug, true);
        INSERT INTO app.stats_open_cases (tenant_id, step, ground, prefecture, assignee_id, assignee_name, cases)
        SELECT tenant_id, COALESCE(step, 'preparation'), ground, COALESCE(prefecture, ''), COALESCE(assignee_id, ''),
               max(assignee_name), count(*)
        FROM app.cases WHERE status <> 'CLOSED' GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO app.stats_outcomes (tenant_id, day, outcome, ground, prefecture, assignee_id, cases)
        SELECT o.tenant_id, o.outcome_on, o.outcome, c.ground, COALESCE(c.prefecture, ''), COALESCE(c.assignee_id, ''),
               count(*)
        FROM app.case_outcomes o JOIN app.cases c ON c.tenant_id = o.tenant_id AND c.id = o.case_id
        GROUP BY 1, 2, 3, 4, 5, 6;
        PERFORM app.stats_add_outcomes(COALESCE((
            SELECT jsonb_agg(jsonb_build_object('n', 1, 'tenant_id', o.tenant_id, 'case_id', o.case_id,
                                                'outcome', o.outcome, 'outcome_on', o.outcome_on,
                                                'filed_on', c.filed_on, 'ground', c.ground,
                                                'prefecture', c.prefecture, 'assignee_id', c.assignee_id))
            FROM app.case_outcomes o JOIN app.cases c ON c.tenant_id = o.tenant_id AND c.id = o.case_id), '[]'), false,
            true);
        INSERT INTO app.stats_failed_attempts (tenant_id, day, ground, prefecture, assignee_id, attempts)
        SELECT m.tenant_id, m.attempted_at::date, c.ground, COALESCE(c.prefecture, ''), COALESCE(c.assignee_id, ''),
               count(*)
        FROM app.appointment_attempts m JOIN app.cases c ON c.tenant_id = m.tenant_id AND c.id = m.case_id
        WHERE m.result <> 'SLOT_OBTAINED'
        GROUP BY 1, 2, 3, 4, 5;
    END LOOP;
    PERFORM set_config('passerelle.tenant_id', '', true);
END $$;

-- ---- row-level security and the service's rights, as on every table of an association

ALTER TABLE stats_open_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_open_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stats_open_cases
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
ALTER TABLE stats_outcomes ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_outcomes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stats_outcomes
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
ALTER TABLE stats_durations ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_durations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stats_durations
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));
ALTER TABLE stats_failed_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE stats_failed_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stats_failed_attempts
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON stats_open_cases, stats_outcomes, stats_durations, stats_failed_attempts
    TO ${appRole};
