-- The open tasks of one batch of cases (lo < n <= hi, psql variables lo and hi), planned into
-- gen.task_stage, and their executions into gen.exec_stage: which user task, process
-- instance and execution tree, assignee, candidates, due date and creation instant.
-- 30-tasks-load.sql writes them, in creation order.
--
-- A case has one process instance per step (process definition) with open tasks. Its
-- execution tree is the engine's (PvmAtomicOperationCreateScope, GetActivityInstanceCmd):
--   one task, not a scope            the process instance executes it
--   several branches                 the process instance is their inactive concurrent root,
--                                    each branch a concurrent child execution
--   a task that is a scope           its own scope execution under its branch
--   a task in an embedded subprocess one scope execution for the subprocess (shared by its
--                                    tasks, concurrent children under it when several)
-- The activity instance id of a scope is kept on its scope execution's parent (tree
-- compaction); a leaf keeps its task's activity instance id (activityId:id).
SET synchronous_commit = off;
SET work_mem = '256MB';
SET jit = off;

CREATE TEMP TABLE t AS
SELECT cp.n, cp.tenant_id, cp.case_id, cp.status, cp.dept, cp.cw, cp.lawyer, a.ncw,
       cp.task_offset + j AS t, p.seed, p.ref_day,
       gen.hash(p.seed, 'task', cp.task_offset + j) AS h1,
       gen.hash(p.seed, 'task-b', cp.task_offset + j) AS h2
FROM gen.case_plan cp
CROSS JOIN gen.params p
JOIN gen.assoc a ON a.a = cp.a
CROSS JOIN LATERAL generate_series(1, cp.ntasks) AS j
WHERE cp.n > :lo AND cp.n <= :hi;
ANALYZE t;

CREATE TEMP TABLE tk AS
WITH chosen AS (
    SELECT t.*, c.ord AS cat_ord, c.step, c.step_ord, c.task_key, c.groups, c.lawyer_candidate, c.lawyer_assignee,
           c.due_style, c.subprocess, c.is_scope, d.zone,
           gen.u(t.h1, 1) AS due_bucket,
           CASE WHEN gen.u(t.h1, 1) < 0.10 THEN t.ref_day - 1 - floor(gen.u(t.h1, 2) * 45)::int        -- overdue
                WHEN gen.u(t.h1, 1) < 0.70 THEN t.ref_day + 1 + floor(gen.u(t.h1, 2) * 60)::int        -- next 60 days
                WHEN gen.u(t.h1, 1) < 0.90 THEN t.ref_day + 61 + floor(gen.u(t.h1, 2) * 305)::int      -- later
           END AS due_day                                                                               -- else none
    FROM t
    JOIN gen.choice ch ON ch.status = t.status AND ch.k = gen.pick(10000, gen.u(t.h1, 0))
    JOIN gen.catalogue c ON c.ord = ch.cat_ord
    JOIN gen.department d ON d.code = t.dept
), timed AS (
    SELECT ch.*,
           gen.uuid(ch.seed, 'task-id', ch.t)::text AS task_id,
           gen.uuid(ch.seed, 'process-instance', ch.n * 64 + ch.step_ord)::text AS pi_id,
           -- the end of the last day, the start of a day (deadlines.at), or an hour (OQTF in detention)
           gen.at(ch.due_day, CASE ch.due_style WHEN 'start' THEN 0
                                                WHEN 'hour' THEN 3600 * floor(gen.u(ch.h1, 3) * 24)::int
                                                ELSE 86399 END, ch.zone) AS due,
           -- on a working day's hours, before the due date and before the reference instant
           gen.at(CASE WHEN ch.due_bucket < 0.10 THEN ch.due_day - 1 - floor(gen.u(ch.h2, 0) * 90)::int
                       ELSE ch.ref_day - 1 - floor(gen.u(ch.h2, 0) * 120)::int END,
                  28800 + floor(gen.u(ch.h2, 1) * 39600)::int, 'Europe/Paris') AS created,
           CASE WHEN ch.lawyer_assignee THEN ch.lawyer
                WHEN ch.lawyer_candidate THEN NULL
                WHEN gen.u(ch.h2, 2) >= 0.28 THEN NULL
                WHEN 'caseworker' = ANY (ch.groups) THEN
                    'cw-' || ch.tenant_id || '-'
                    || CASE WHEN ch.cw IS NOT NULL AND gen.u(ch.h2, 3) < 0.7 THEN ch.cw
                            ELSE gen.pick(ch.ncw, gen.r(ch.seed, 'task-caseworker', ch.t)) END
                WHEN 'coordinator' = ANY (ch.groups) THEN 'coord-' || ch.tenant_id
           END AS assignee,
           -- activity instance ids as the engine makes them: activityId:id, or the bare id past 64 characters
           CASE WHEN length(ch.task_key) + 37 > 64 THEN gen.uuid(ch.seed, 'activity-instance', ch.t)::text
                ELSE ch.task_key || ':' || gen.uuid(ch.seed, 'activity-instance', ch.t) END AS task_act_inst,
           CASE WHEN ch.subprocess IS NULL THEN NULL
                WHEN length(ch.subprocess) + 37 > 64
                THEN gen.uuid(ch.seed, 'activity-instance:' || ch.subprocess, ch.n * 64 + ch.step_ord)::text
                ELSE ch.subprocess || ':' || gen.uuid(ch.seed, 'activity-instance:' || ch.subprocess, ch.n * 64 + ch.step_ord)
           END AS sub_act_inst
    FROM chosen ch
)
SELECT timed.*,
       -- a branch of the process instance: a task, or an embedded subprocess with its tasks
       CASE WHEN subprocess IS NULL THEN 'task:' || task_id ELSE 'subprocess:' || subprocess END AS branch,
       row_number() OVER (PARTITION BY n, step_ord ORDER BY created, task_id) AS r,
       row_number() OVER (PARTITION BY n, step_ord, subprocess ORDER BY created, task_id) AS r_sub,
       count(*) OVER (PARTITION BY n, step_ord, subprocess) AS in_sub
FROM timed;

CREATE TEMP TABLE tree AS
SELECT tk.*, b.branches,
       b.branches > 1 AS concurrent1,
       tk.subprocess IS NOT NULL AND tk.in_sub > 1 AS concurrent2,
       gen.uuid(tk.seed, 'execution-concurrent', tk.t)::text AS c1_id,
       gen.uuid(tk.seed, 'execution-concurrent:' || tk.subprocess, tk.n * 64 + tk.step_ord)::text AS c1s_id,
       gen.uuid(tk.seed, 'execution-subprocess:' || tk.subprocess, tk.n * 64 + tk.step_ord)::text AS sub_id,
       gen.uuid(tk.seed, 'execution-concurrent-in-subprocess', tk.t)::text AS c2_id,
       gen.uuid(tk.seed, 'execution-scope', tk.t)::text AS x_id
FROM tk
JOIN (SELECT n, step_ord, count(DISTINCT branch) AS branches FROM tk GROUP BY 1, 2) b USING (n, step_ord);
ALTER TABLE tree ADD COLUMN leaf_id text, ADD COLUMN holder_id text;
-- holder: the execution under which the task's own scope execution (if any) hangs
UPDATE tree SET holder_id = CASE
    WHEN subprocess IS NULL THEN CASE WHEN concurrent1 THEN c1_id ELSE pi_id END
    ELSE CASE WHEN concurrent2 THEN c2_id ELSE sub_id END END;
UPDATE tree SET leaf_id = CASE WHEN is_scope THEN x_id ELSE holder_id END;

INSERT INTO gen.task_stage
SELECT task_id, t, n, tenant_id, case_id, cat_ord, step, task_key, pi_id, leaf_id, assignee, groups,
       CASE WHEN lawyer_candidate THEN ARRAY[lawyer] ELSE '{}' END, due, created
FROM tree;

INSERT INTO gen.exec_stage
-- the process instance, with its first task: the leaf when it executes its only task itself
SELECT task_id, 0, pi_id, NULL, pi_id, case_id::text, cat_ord,
       CASE WHEN leaf_id = pi_id THEN task_key END,
       CASE WHEN leaf_id = pi_id THEN task_act_inst
            WHEN NOT concurrent1 AND subprocess IS NOT NULL THEN sub_act_inst
            ELSE pi_id END,
       leaf_id = pi_id, false, true, CASE WHEN leaf_id = pi_id THEN 2 ELSE 0 END, tenant_id
FROM tree WHERE r = 1
UNION ALL
-- a concurrent branch of the process instance for a task
SELECT task_id, 1, c1_id, pi_id, pi_id, NULL, cat_ord,
       CASE WHEN leaf_id = c1_id THEN task_key END,
       CASE WHEN leaf_id = c1_id THEN task_act_inst ELSE pi_id END,
       leaf_id = c1_id, true, false, CASE WHEN leaf_id = c1_id THEN 2 ELSE 0 END, tenant_id
FROM tree WHERE concurrent1 AND subprocess IS NULL
UNION ALL
-- a concurrent branch of the process instance for a subprocess, with its first task
SELECT task_id, 1, c1s_id, pi_id, pi_id, NULL, cat_ord, NULL, sub_act_inst, false, true, false, 0, tenant_id
FROM tree WHERE concurrent1 AND subprocess IS NOT NULL AND r_sub = 1
UNION ALL
-- the subprocess's scope execution, with its first task: the leaf when it has one task, not a scope
SELECT task_id, 2, sub_id, CASE WHEN concurrent1 THEN c1s_id ELSE pi_id END, pi_id, NULL, cat_ord,
       CASE WHEN leaf_id = sub_id THEN task_key END,
       CASE WHEN leaf_id = sub_id THEN task_act_inst ELSE sub_act_inst END,
       leaf_id = sub_id, false, true, CASE WHEN leaf_id = sub_id THEN 2 ELSE 0 END, tenant_id
FROM tree WHERE subprocess IS NOT NULL AND r_sub = 1
UNION ALL
-- a concurrent branch in the subprocess for a task
SELECT task_id, 3, c2_id, sub_id, pi_id, NULL, cat_ord,
       CASE WHEN leaf_id = c2_id THEN task_key END,
       CASE WHEN leaf_id = c2_id THEN task_act_inst ELSE sub_act_inst END,
       leaf_id = c2_id, true, false, CASE WHEN leaf_id = c2_id THEN 2 ELSE 0 END, tenant_id
FROM tree WHERE concurrent2
UNION ALL
-- the task's own scope execution, when the task is a scope (boundary events, input/output)
SELECT task_id, 4, x_id, holder_id, pi_id, NULL, cat_ord, task_key, task_act_inst, true, false, true, 2, tenant_id
FROM tree WHERE is_scope;
