-- Checks the generated data, failing (ON_ERROR_STOP) on any inconsistency:
--   the sizes asked for; every engine task and its twin in app.open_tasks agree on tenant, case
--   (the process instance's business key), process instance, step, task, name, assignee,
--   candidate groups and users, due date and creation; the cases' dates are possible together.
SET work_mem = '512MB';
SET jit = off;

DO $$
DECLARE
    p gen.params;
    n bigint;
BEGIN
    SELECT * INTO p FROM gen.params;
    SELECT count(*) INTO n FROM app.associations a JOIN gen.assoc g ON g.slug = a.slug;
    IF n <> p.n_assoc THEN RAISE EXCEPTION 'associations: % instead of %', n, p.n_assoc; END IF;
    SELECT count(*) INTO n FROM app.cases;
    IF n <> p.n_cases THEN RAISE EXCEPTION 'cases: % instead of %', n, p.n_cases; END IF;
    SELECT count(*) INTO n FROM app.applicants;
    IF n <> p.n_cases THEN RAISE EXCEPTION 'applicants: % instead of %', n, p.n_cases; END IF;
    SELECT count(*) INTO n FROM act_ru_task;
    IF n <> p.n_tasks THEN RAISE EXCEPTION 'ACT_RU_TASK: % instead of %', n, p.n_tasks; END IF;
    SELECT count(*) INTO n FROM app.open_tasks;
    IF n <> p.n_tasks THEN RAISE EXCEPTION 'app.open_tasks: % instead of %', n, p.n_tasks; END IF;

    -- the engine's view of each task, as the read model must show it
    WITH links AS (
        SELECT task_id_,
               coalesce(array_agg(group_id_::text ORDER BY group_id_) FILTER (WHERE group_id_ IS NOT NULL), '{}') AS groups,
               coalesce(array_agg(user_id_::text ORDER BY user_id_) FILTER (WHERE user_id_ IS NOT NULL), '{}') AS users
        FROM act_ru_identitylink WHERE type_ = 'candidate' GROUP BY task_id_
    ), engine AS (
        SELECT t.id_ AS task_id, t.tenant_id_::text AS tenant_id, e.business_key_::text AS case_id, t.proc_inst_id_::text AS pi,
               split_part(t.proc_def_id_, ':', 1) AS step, t.task_def_key_::text AS task_key, t.name_::text AS name,
               t.assignee_::text AS assignee, coalesce(l.groups, '{}') AS groups, coalesce(l.users, '{}') AS users,
               t.due_date_ AT TIME ZONE p.engine_tz AS due, t.create_time_ AT TIME ZONE p.engine_tz AS created,
               e.tenant_id_ AS pi_tenant, e.proc_def_id_ = t.proc_def_id_ AS same_definition,
               x.proc_inst_id_ = t.proc_inst_id_ AND x.tenant_id_ = t.tenant_id_ AS execution_ok
        FROM act_ru_task t
        JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
        JOIN act_ru_execution x ON x.id_ = t.execution_id_
        LEFT JOIN links l ON l.task_id_ = t.id_
    )
    SELECT count(*) INTO n
    FROM engine e
    FULL JOIN app.open_tasks o ON o.task_id = e.task_id
    LEFT JOIN gen.catalogue c ON c.step = o.step AND c.task_key = o.task_key
    WHERE e.task_id IS NULL OR o.task_id IS NULL
       OR (e.tenant_id, e.case_id, e.pi, e.step, e.task_key, e.name, e.assignee, e.groups, e.users, e.due, e.created)
          IS DISTINCT FROM
          (o.tenant_id, o.case_id::text, o.process_instance_id, o.step, o.task_key, o.name, o.assignee,
           o.candidate_groups, o.candidate_users, o.due, o.created)
       OR e.pi_tenant IS DISTINCT FROM e.tenant_id OR NOT e.same_definition OR NOT e.execution_ok
       OR c.name_en IS DISTINCT FROM o.name_en;
    IF n <> 0 THEN RAISE EXCEPTION '% tasks differ between the engine tables and app.open_tasks', n; END IF;

    -- process instances: of a case of their association, with the latest definition of their step
    SELECT count(*) INTO n
    FROM act_ru_execution e
    LEFT JOIN app.cases c ON c.id::text = e.business_key_ AND c.tenant_id = e.tenant_id_
    LEFT JOIN gen.catalogue g ON g.proc_def_id = e.proc_def_id_
    WHERE e.parent_id_ IS NULL AND (c.id IS NULL OR g.proc_def_id IS NULL OR e.id_ <> e.proc_inst_id_
                                    OR e.root_proc_inst_id_ <> e.id_);
    IF n <> 0 THEN RAISE EXCEPTION '% process instances without their case or definition', n; END IF;
    -- execution trees: a leaf executes exactly one task, active in its activity; an inner
    -- execution is inactive, with one scope child or several concurrent children
    WITH kids AS (
        SELECT parent_id_, count(*) AS n, bool_and(is_concurrent_) AS all_concurrent,
               bool_or(is_concurrent_) AS any_concurrent
        FROM act_ru_execution WHERE parent_id_ IS NOT NULL GROUP BY 1
    ), tasks AS (
        SELECT execution_id_, count(*) AS n, min(task_def_key_) AS task_key FROM act_ru_task GROUP BY 1
    )
    SELECT count(*) INTO n
    FROM act_ru_execution e
    LEFT JOIN kids k ON k.parent_id_ = e.id_
    LEFT JOIN tasks t ON t.execution_id_ = e.id_
    WHERE (k.n IS NULL AND (t.n IS DISTINCT FROM 1 OR NOT e.is_active_ OR e.act_id_ IS DISTINCT FROM t.task_key
                            OR e.cached_ent_state_ <> 2))
       OR (k.n IS NOT NULL AND (t.n IS NOT NULL OR e.is_active_ OR e.act_id_ IS NOT NULL OR e.cached_ent_state_ <> 0
                                OR (k.any_concurrent AND (NOT k.all_concurrent OR k.n < 2))
                                OR (NOT k.any_concurrent AND k.n <> 1)))
       OR e.proc_inst_id_ <> e.root_proc_inst_id_;
    IF n <> 0 THEN RAISE EXCEPTION '% executions out of shape (leaf without its task, inner execution active, ...)', n; END IF;

    -- dates the service would accept (CaseRequest.checkDates, ApplicantRequest.checkConsistency)
    SELECT count(*) INTO n
    FROM app.cases c JOIN app.applicants a ON a.id = c.applicant_id AND a.tenant_id = c.tenant_id
    WHERE c.filed_on < a.entry_date OR c.appointment_on < a.entry_date OR c.commission_on < c.filed_on
       OR c.commission_on > c.decided_on OR c.filed_on > p.ref_day OR c.decided_on > p.ref_day
       OR c.notified_on > p.ref_day OR a.entry_date > p.ref_day OR a.entry_date < a.birth_date
       OR a.birth_date > (c.created_at - interval '18 years')::date OR c.created_at > p.ref
       OR c.updated_at < c.created_at OR c.updated_at > p.ref;
    IF n <> 0 THEN RAISE EXCEPTION '% cases with impossible dates', n; END IF;
    SELECT count(*) INTO n FROM app.open_tasks o JOIN app.cases c ON c.id = o.case_id
    WHERE o.created < c.created_at OR o.created > p.ref OR o.due <= o.created;
    IF n <> 0 THEN RAISE EXCEPTION '% tasks created before their case, after the reference or after their due date', n; END IF;
END $$;
