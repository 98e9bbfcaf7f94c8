-- One slice of the planned tasks (creation rank lo < rk <= hi, psql variables lo and hi),
-- written in creation order to the engine's tables and to the read model:
--   ACT_RU_EXECUTION   the process instance of each (case, step), business key = case id, and
--                      its execution tree
--   ACT_RU_TASK        the task
--   ACT_RU_IDENTITYLINK its candidate groups and candidate users
--   app.open_tasks     the same task as the task lists read it
SET synchronous_commit = off;
SET work_mem = '256MB';
SET jit = off;

CREATE TEMP TABLE slice AS
SELECT l.*, c.proc_def_id, c.name, c.name_en, c.description, p.seed, p.engine_tz
FROM gen.task_load l
JOIN gen.catalogue c ON c.ord = l.cat_ord
CROSS JOIN gen.params p
WHERE l.rk > :lo AND l.rk <= :hi;

-- Executions come with the task that brings them (20-tasks-plan.sql explains the tree).
INSERT INTO act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, parent_id_, proc_def_id_,
                              super_exec_, super_case_exec_, case_inst_id_, act_id_, act_inst_id_, is_active_,
                              is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
                              sequence_counter_, tenant_id_, proc_def_key_)
SELECT e.id, 1, e.pi_id, e.pi_id, e.business_key, e.parent_id, c.proc_def_id,
       NULL, NULL, NULL, e.act_id, e.act_inst_id, e.is_active,
       e.is_concurrent, e.is_scope, false, 1, e.cached_state,   -- cached state bit 2: the execution has tasks
       2 + e.depth, e.tenant_id, c.step
FROM gen.exec_load e
JOIN gen.catalogue c ON c.ord = e.cat_ord
WHERE e.rk > :lo AND e.rk <= :hi
ORDER BY e.rk, e.depth;

INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, case_execution_id_, case_inst_id_,
                         case_def_id_, name_, parent_task_id_, description_, task_def_key_, owner_, assignee_,
                         delegation_, priority_, create_time_, last_updated_, due_date_, follow_up_date_,
                         suspension_state_, tenant_id_, task_state_)
SELECT s.task_id, 1, s.exec_id, s.pi_id, s.proc_def_id, NULL, NULL,
       NULL, s.name, NULL, s.description, s.task_key, NULL, s.assignee,
       NULL, 50, s.created AT TIME ZONE s.engine_tz, NULL, s.due AT TIME ZONE s.engine_tz, NULL,
       1, s.tenant_id, 'Created'
FROM slice s
ORDER BY s.rk;

INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_, tenant_id_)
SELECT gen.uuid(s.seed, 'identity-link', s.t * 8 + x.i)::text, 1, x.group_id, 'candidate', x.user_id, s.task_id,
       NULL, s.tenant_id
FROM slice s
CROSS JOIN LATERAL (
    SELECT g.i, g.group_id, NULL::text AS user_id FROM unnest(s.candidate_groups) WITH ORDINALITY AS g(group_id, i)
    UNION ALL
    SELECT 4 + u.i, NULL, u.user_id FROM unnest(s.candidate_users) WITH ORDINALITY AS u(user_id, i)
) x
ORDER BY s.rk, x.i;

INSERT INTO app.open_tasks (task_id, tenant_id, case_id, process_instance_id, step, task_key, name, name_en, assignee,
                            candidate_groups, candidate_users, due, created)
SELECT s.task_id, s.tenant_id, s.case_id, s.pi_id, s.step, s.task_key, s.name, s.name_en, s.assignee,
       s.candidate_groups, s.candidate_users, s.due, s.created
FROM slice s
ORDER BY s.rk;
