-- The plan: the user tasks of the deployed models, the associations (with their staff and
-- size), and one row per case with what both the case rows and its tasks need.

-- User tasks of the latest deployed version of each process, read from the BPMN the engine
-- deployed (ACT_GE_BYTEARRAY): id, French name, nameEn, candidate groups, whether a lawyer
-- is the assignee (${lawyerId}) or the candidate user (${offeredLawyerId}), the due date's
-- kind, the documentation (the engine copies it into the task's description), and where the
-- task sits in the execution tree: in an embedded subprocess (a scope), and whether it is a
-- scope itself (boundary events or input/output mappings), as the engine's parser decides.
CREATE TABLE gen.catalogue AS
WITH latest AS (
    SELECT DISTINCT ON (key_) id_, key_, deployment_id_, resource_name_
    FROM act_re_procdef
    WHERE tenant_id_ IS NULL
    ORDER BY key_, version_ DESC
), models AS (
    SELECT l.key_ AS step, l.id_ AS proc_def_id, xmlparse(DOCUMENT convert_from(b.bytes_, 'UTF8')) AS model
    FROM latest l
    JOIN act_ge_bytearray b ON b.deployment_id_ = l.deployment_id_ AND b.name_ = l.resource_name_
), tasks AS (
    SELECT m.step, m.proc_def_id, x.*
    FROM models m
    CROSS JOIN XMLTABLE(
        XMLNAMESPACES('http://www.omg.org/spec/BPMN/20100524/MODEL' AS bpmn,
                      'http://camunda.org/schema/1.0/bpmn' AS camunda),
        '//bpmn:userTask' PASSING m.model
        COLUMNS process text PATH 'ancestor::bpmn:process/@id',
                task_key text PATH '@id',
                name text PATH '@name',
                name_en text PATH 'bpmn:extensionElements/camunda:properties/camunda:property[@name="nameEn"]/@value',
                groups text PATH '@camunda:candidateGroups',
                users text PATH '@camunda:candidateUsers',
                assignee text PATH '@camunda:assignee',
                due text PATH '@camunda:dueDate',
                doc text PATH 'bpmn:documentation',
                subprocesses int PATH 'count(ancestor::bpmn:subProcess)',
                subprocess text PATH 'ancestor::bpmn:subProcess[1]/@id',
                io_mappings int PATH 'count(bpmn:extensionElements/camunda:inputOutput)',
                multi_instance int PATH 'count(bpmn:multiInstanceLoopCharacteristics)') x
    WHERE x.process = m.step
), boundaries AS (
    SELECT DISTINCT m.step, x.attached
    FROM models m
    CROSS JOIN XMLTABLE(
        XMLNAMESPACES('http://www.omg.org/spec/BPMN/20100524/MODEL' AS bpmn),
        '//bpmn:boundaryEvent[not(bpmn:compensateEventDefinition)]' PASSING m.model
        COLUMNS attached text PATH '@attachedToRef') x
)
SELECT row_number() OVER (ORDER BY t.step, t.task_key)::int AS ord,
       dense_rank() OVER (ORDER BY t.step)::int AS step_ord,
       t.step, t.proc_def_id, t.task_key,
       coalesce(t.name, t.task_key) AS name,
       coalesce(t.name_en, '') AS name_en,
       left(nullif(btrim(t.doc), ''), 4000) AS description,
       coalesce(ARRAY(SELECT DISTINCT btrim(g) FROM unnest(string_to_array(t.groups, ',')) AS g
                      WHERE btrim(g) <> '' ORDER BY 1), '{}') AS groups,
       t.users IS NOT NULL AS lawyer_candidate,
       t.assignee IS NOT NULL AS lawyer_assignee,
       CASE WHEN t.due LIKE '%deadlines.at(%' THEN 'start'
            WHEN t.due LIKE '%OQTF_RETENTION%' THEN 'hour'
            ELSE 'end' END AS due_style,
       t.subprocess,
       t.io_mappings > 0 OR b.attached IS NOT NULL AS is_scope,
       t.subprocesses, t.multi_instance
FROM tasks t
LEFT JOIN boundaries b ON b.step = t.step AND b.attached = t.task_key;

DO $$
DECLARE
    nested text;
BEGIN
    SELECT string_agg(step || '.' || task_key, ', ') INTO nested
    FROM gen.catalogue WHERE subprocesses > 1 OR multi_instance > 0;
    -- their execution trees are not written by this generator: such tasks are left out (none of
    -- them is what a benchmark lists; the models gained them after the generator was written)
    IF nested IS NOT NULL THEN
        RAISE NOTICE 'user tasks in nested subprocesses or multi-instance left out: %', nested;
        DELETE FROM gen.catalogue WHERE subprocesses > 1 OR multi_instance > 0;
    END IF;
END $$;

DO $$
DECLARE
    missing text;
    unused text;
BEGIN
    IF NOT EXISTS (SELECT FROM gen.catalogue) THEN
        RAISE EXCEPTION 'no user task found in the deployed process definitions (ACT_RE_PROCDEF / ACT_GE_BYTEARRAY)';
    END IF;
    SELECT string_agg(DISTINCT w.step || '.' || w.task_key, ', ') INTO missing
    FROM gen.task_weight w LEFT JOIN gen.catalogue c USING (step, task_key) WHERE c.ord IS NULL;
    IF missing IS NOT NULL THEN
        RAISE WARNING 'weighted tasks not in the deployed models, left out: %', missing;
    END IF;
    SELECT string_agg(c.step || '.' || c.task_key, ', ' ORDER BY c.ord) INTO unused
    FROM gen.catalogue c LEFT JOIN gen.task_weight w USING (step, task_key) WHERE w.step IS NULL;
    IF unused IS NOT NULL THEN
        RAISE WARNING 'deployed user tasks without a weight, never generated: %', unused;
    END IF;
END $$;

-- For each case status, the (step, user task) choices as 10,000 slots of catalogue rows
-- (as gen.slot).
CREATE TABLE gen.choice AS
WITH weighted AS (
    SELECT w.status, c.ord AS cat_ord,
           ((sum(w.weight) OVER s - w.weight) / sum(w.weight) OVER t)::double precision AS lo,
           (sum(w.weight) OVER s / sum(w.weight) OVER t)::double precision AS hi
    FROM gen.task_weight w
    JOIN gen.catalogue c USING (step, task_key)
    WHERE w.weight > 0
    WINDOW s AS (PARTITION BY w.status ORDER BY c.ord), t AS (PARTITION BY w.status)
)
SELECT w.status, k, w.cat_ord
FROM generate_series(1, 10000) AS k
JOIN weighted w ON (k - 0.5) / 10000 >= w.lo AND (k - 0.5) / 10000 < w.hi;
ALTER TABLE gen.choice ADD PRIMARY KEY (status, k);
ANALYZE gen.choice;

DO $$
DECLARE
    without text;
BEGIN
    SELECT string_agg(s.code, ', ' ORDER BY s.ord) INTO without
    FROM gen.status s WHERE NOT EXISTS (SELECT FROM gen.choice c WHERE c.status = s.code);
    IF without IS NOT NULL THEN
        RAISE EXCEPTION 'no deployed user task for cases of status %: check gen.task_weight against the BPMN', without;
    END IF;
END $$;

-- Associations: a (kind, town) each, towns drawn by weight without repetition (a second
-- round adds a number), sizes log-normal (a few with thousands of cases, many small) and
-- apportioned so that they add up to exactly the number of cases asked for, one at least.
CREATE TABLE gen.assoc AS
WITH combos AS (
    SELECT k.ord AS kind_ord, c.ord AS city_ord, k.slug AS kind_slug, k.name AS kind_name,
           c.slug AS city_slug, c.label AS city_label, c.city, c.dept, c.weight AS city_weight, c.postal, c.variants,
           ln(1.0 - gen.r(p.seed, 'association-town', k.ord * 1000 + c.ord)) / c.weight AS draw
    FROM gen.kind k CROSS JOIN gen.city c CROSS JOIN gen.params p
), ranked AS (
    SELECT *, row_number() OVER (ORDER BY draw DESC, kind_ord, city_ord) AS rk, count(*) OVER () AS combos
    FROM combos
), numbered AS (
    SELECT a, (a - 1) / r.combos + 1 AS round, r.*, gen.hash(p.seed, 'association', a) AS h
    FROM gen.params p
    CROSS JOIN generate_series(1, p.n_assoc) AS a
    JOIN ranked r ON r.rk = (a - 1) % r.combos + 1
    OFFSET 0
), weighted AS (
    SELECT n.*,
           greatest(1, round(exp(1.1 * gen.normal(gen.u(h, 0), gen.u(h, 1))) * power(city_weight, 0.3) * 1e6))::bigint AS w
    FROM numbered n
), shares AS (
    -- one case each, the rest in proportion to the weights (largest remainders)
    SELECT w.*, p.n_cases - p.n_assoc AS spread,
           ((p.n_cases - p.n_assoc)::bigint * w) / (sum(w) OVER ())::bigint AS base,
           ((p.n_cases - p.n_assoc)::bigint * w) % (sum(w) OVER ())::bigint AS rest
    FROM weighted w CROSS JOIN gen.params p
), sized AS (
    SELECT s.*,
           1 + base + CASE WHEN row_number() OVER (ORDER BY rest DESC, a) <= spread - sum(base) OVER () THEN 1 ELSE 0 END AS size
    FROM shares s
)
SELECT a,
       kind_slug || '-' || city_slug || CASE WHEN round > 1 THEN '-' || round ELSE '' END AS slug,
       kind_name || ' ' || city_label || CASE WHEN round > 1 THEN ' ' || round ELSE '' END AS name,
       city, dept, postal, variants,
       size::int AS size,
       (sum(size) OVER (ORDER BY a) - size)::int AS first_case,
       least(20, greatest(2, (size / 250)::int + 2 + floor(gen.u(h, 2) * 3)::int)) AS ncw,
       1 + floor(gen.u(h, 3) * 4)::int AS nlaw,
       floor(gen.r(p.seed, 'association-lawyers', a) * greatest(3, ceil(p.n_assoc * 0.6)))::int AS lawyer_base,
       greatest(3, ceil(p.n_assoc * 0.6))::int AS lawyer_pool,
       gen.at(p.ref_day - 1200 - floor(gen.r(p.seed, 'association-created', a) * 2400)::int,
              32400 + floor(gen.r(p.seed, 'association-created-time', a) * 28800)::int, 'Europe/Paris') AS created_at
FROM sized CROSS JOIN gen.params p;
CREATE UNIQUE INDEX ON gen.assoc (a);

-- With --demo-associations (psql variable demo = 1): the three largest associations take the
-- demo realm's slugs and names (infra/keycloak/passerelle-realm.json), so that its users log in
-- to a generated caseload (infra/load-test.sh). Off by default: the bytes stay the same.
UPDATE gen.assoc g SET slug = d.slug, name = d.name
FROM (SELECT a, row_number() OVER (ORDER BY size DESC, a) AS rk FROM gen.assoc) r
JOIN (VALUES (1, 'accueil-lyon', 'Accueil Étrangers Lyon'),
             (2, 'droits-marseille', 'Droits Devant Marseille'),
             (3, 'solidarite-lille', 'Solidarité Exilés Lille')) AS d (rk, slug, name) ON d.rk = r.rk
WHERE g.a = r.a AND :demo = 1;

INSERT INTO app.associations (slug, name, created_at)
SELECT slug, name, created_at FROM gen.assoc ORDER BY a;

-- Staff of each association (Keycloak user ids as the tasks name them): a coordinator,
-- 2..20 caseworkers (more in bigger associations), 1..4 lawyers from a shared pool (lawyers
-- work for several associations).
CREATE TABLE gen.staff AS
WITH people AS (
    SELECT a.a, a.slug, 'coordinator' AS role, 0 AS idx, 'coord-' || a.slug AS user_id,
           gen.hash(p.seed, 'coordinator', a.a) AS h
    FROM gen.assoc a CROSS JOIN gen.params p
    UNION ALL
    SELECT a.a, a.slug, 'caseworker', k, 'cw-' || a.slug || '-' || k, gen.hash(p.seed, 'caseworker', a.a * 100 + k)
    FROM gen.assoc a CROSS JOIN gen.params p CROSS JOIN LATERAL generate_series(1, a.ncw) AS k
    UNION ALL
    SELECT a.a, a.slug, 'lawyer', k, 'lawyer-' || ((a.lawyer_base + k) % a.lawyer_pool + 1),
           gen.hash(p.seed, 'lawyer', (a.lawyer_base + k) % a.lawyer_pool + 1)
    FROM gen.assoc a CROSS JOIN gen.params p CROSS JOIN LATERAL generate_series(0, a.nlaw - 1) AS k
)
SELECT pe.slug AS tenant_id, pe.user_id, pe.role, pe.idx,
       CASE WHEN pe.role = 'lawyer' THEN 'Me ' ELSE '' END
       || gen.elem(nm.given, gen.u(pe.h, 1)) || ' ' || gen.elem(nm.family, gen.u(pe.h, 2)) AS display_name
FROM people pe
JOIN gen.names nm ON nm.region = 'fr' AND nm.sex = CASE WHEN gen.u(pe.h, 0) < 0.6 THEN 'f' ELSE 'm' END;
CREATE UNIQUE INDEX ON gen.staff (tenant_id, user_id);

-- One row per case: its association, ids, status, ground, department, caseworker, lawyer,
-- creation instant, and its number of open tasks: at least one each, the rest apportioned on
-- log-normal weights (12 % of the cases keep a single task), so that the total is exactly
-- the number of tasks asked for.
CREATE TABLE gen.case_plan AS
WITH c AS (
    SELECT a.a, a.slug, a.dept AS assoc_dept, a.ncw, a.nlaw, a.lawyer_base, a.lawyer_pool,
           a.first_case + k AS n, k AS local_k,
           gen.hash(p.seed, 'case', a.first_case + k) AS h1,
           gen.hash(p.seed, 'case-plan', a.first_case + k) AS h2,
           gen.hash(p.seed, 'case-tasks', a.first_case + k) AS h3
    FROM gen.assoc a CROSS JOIN gen.params p CROSS JOIN LATERAL generate_series(1, a.size) AS k
    OFFSET 0
), coded AS (
    SELECT c.*, st.code AS status, gr.code AS ground,
           CASE WHEN gen.u(c.h1, 2) < 0.9 THEN c.assoc_dept ELSE de.code END AS dept
    FROM c
    JOIN gen.slot st ON st.name = 'status' AND st.k = gen.pick(10000, gen.u(c.h1, 0))
    JOIN gen.slot gr ON gr.name = 'ground' AND gr.k = gen.pick(10000, gen.u(c.h1, 1))
    JOIN gen.slot de ON de.name = 'department' AND de.k = gen.pick(10000, gen.u(c.h1, 3))
), drawn AS (
    SELECT c.n, c.a, c.slug AS tenant_id, c.local_k,
           gen.uuid(p.seed, 'case-id', c.n) AS case_id,
           gen.uuid(p.seed, 'applicant-id', c.n) AS applicant_id,
           c.status, c.ground, c.dept,
           CASE WHEN gen.u(c.h2, 0) < 0.85 THEN gen.pick(c.ncw, gen.u(c.h2, 1)) END AS cw,
           'lawyer-' || ((c.lawyer_base + gen.pick(c.nlaw, gen.u(c.h2, 2)) - 1) % c.lawyer_pool + 1) AS lawyer,
           s.age_lo + floor(gen.u(c.h2, 3) * (s.age_hi - s.age_lo + 1))::int AS age,
           gen.at(p.ref_day - (s.age_lo + floor(gen.u(c.h2, 3) * (s.age_hi - s.age_lo + 1))::int),
                  30600 + floor(gen.u(c.h3, 3) * 36000)::int, 'Europe/Paris') AS created_at,
           CASE WHEN gen.u(c.h3, 0) < 0.12 THEN 0
                ELSE greatest(1, round(exp(0.6 * gen.normal(gen.u(c.h3, 1), gen.u(c.h3, 2))) * s.task_factor * 1e6))
           END::bigint AS w
    FROM coded c
    CROSS JOIN gen.params p
    JOIN gen.status s ON s.code = c.status
), weights AS (
    SELECT drawn.*,
           CASE WHEN sum(w) OVER () = 0 THEN 1 ELSE w END AS we,
           CASE WHEN sum(w) OVER () = 0 THEN count(*) OVER () ELSE sum(w) OVER () END::bigint AS total,
           CASE WHEN p.n_tasks >= p.n_cases THEN 1 ELSE 0 END AS least_tasks,
           CASE WHEN p.n_tasks >= p.n_cases THEN p.n_tasks - p.n_cases ELSE p.n_tasks END AS spread
    FROM drawn CROSS JOIN gen.params p
), shares AS (
    SELECT weights.*, (spread * we) / total AS base, (spread * we) % total AS rest FROM weights
), counted AS (
    SELECT shares.*,
           least_tasks + base
           + CASE WHEN row_number() OVER (ORDER BY rest DESC, n) <= spread - sum(base) OVER () THEN 1 ELSE 0 END AS ntasks
    FROM shares
)
SELECT n, a, tenant_id, local_k, case_id, applicant_id, status, ground, dept, cw, lawyer, age, created_at,
       ntasks::int AS ntasks,
       (sum(ntasks) OVER (ORDER BY n) - ntasks)::bigint AS task_offset,
       row_number() OVER (ORDER BY created_at, n) AS crank
FROM counted;
CREATE UNIQUE INDEX ON gen.case_plan (n);
CREATE UNIQUE INDEX ON gen.case_plan (crank);
ANALYZE gen.case_plan;

-- Where 20-tasks-plan.sql puts the planned tasks and their executions (25-tasks-order.sql
-- ranks them); an execution is written with the task that brings it (owner_task_id).
CREATE UNLOGGED TABLE gen.task_stage (
    task_id text, t bigint, n int, tenant_id text, case_id uuid, cat_ord int, step text, task_key text,
    pi_id text, exec_id text, assignee text, candidate_groups text[], candidate_users text[],
    due timestamptz, created timestamptz);
CREATE UNLOGGED TABLE gen.exec_stage (
    owner_task_id text, depth int, id text, parent_id text, pi_id text, business_key text, cat_ord int,
    act_id text, act_inst_id text, is_active boolean, is_concurrent boolean, is_scope boolean,
    cached_state int, tenant_id text);
