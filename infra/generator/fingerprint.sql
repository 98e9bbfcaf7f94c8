-- An md5 per generated table, to compare two generations (same seed and sizes: same digests).
-- Usage: psql -X -q -At -U postgres -d DATABASE -f infra/generator/fingerprint.sql
-- Process definition ids (key:version:deployment-uuid) are the engine's own, random per
-- database (and the version grows when something else deploys the models again): they are
-- compared by key.
CREATE TEMP VIEW fingerprint_task AS
SELECT t.*, split_part(t.proc_def_id_, ':', 1) AS proc_def FROM act_ru_task t;
CREATE TEMP VIEW fingerprint_execution AS
SELECT e.*, split_part(e.proc_def_id_, ':', 1) AS proc_def FROM act_ru_execution e;

SELECT 'app.associations', count(*), md5(string_agg(x::text, '|' ORDER BY x.slug))
FROM app.associations x
UNION ALL
SELECT 'app.applicants', count(*), md5(string_agg(x::text, '|' ORDER BY x.id)) FROM app.applicants x
UNION ALL
SELECT 'app.cases', count(*), md5(string_agg(x::text, '|' ORDER BY x.id)) FROM app.cases x
UNION ALL
SELECT 'app.open_tasks', count(*), md5(string_agg(x::text, '|' ORDER BY x.task_id)) FROM app.open_tasks x
UNION ALL
SELECT 'act_ru_execution', count(*),
       md5(string_agg((x.id_, x.rev_, x.root_proc_inst_id_, x.proc_inst_id_, x.business_key_, x.parent_id_, x.proc_def,
                       x.super_exec_, x.act_id_, x.act_inst_id_, x.is_active_, x.is_concurrent_, x.is_scope_,
                       x.is_event_scope_, x.suspension_state_, x.cached_ent_state_, x.sequence_counter_, x.tenant_id_,
                       x.proc_def_key_)::text, '|' ORDER BY x.id_))
FROM fingerprint_execution x
UNION ALL
SELECT 'act_ru_task', count(*),
       md5(string_agg((x.id_, x.rev_, x.execution_id_, x.proc_inst_id_, x.proc_def, x.name_, x.description_,
                       x.task_def_key_, x.owner_, x.assignee_, x.priority_, x.create_time_, x.last_updated_,
                       x.due_date_, x.suspension_state_, x.tenant_id_, x.task_state_)::text, '|' ORDER BY x.id_))
FROM fingerprint_task x
UNION ALL
SELECT 'act_ru_identitylink', count(*), md5(string_agg(x::text, '|' ORDER BY x.id_)) FROM act_ru_identitylink x
UNION ALL
-- physical order too (creation order): ctid sequence of the task read model
SELECT 'app.open_tasks (heap order)', count(*), md5(string_agg(x.task_id, '|' ORDER BY x.ctid)) FROM app.open_tasks x
ORDER BY 1;
