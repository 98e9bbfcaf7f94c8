-- What the procedure module publishes of its task read model (app.open_tasks) for other modules to
-- read in SQL: the lawyer's inbox (appeals) and the statistics (reporting). As V80: plain views,
-- inlined by the planner, under the table's row-level security (security_invoker).

CREATE VIEW published_open_tasks WITH (security_invoker = true) AS
SELECT task_id, tenant_id, case_id, process_instance_id, step, task_key, name, name_en, assignee, candidate_users, due,
       created
FROM open_tasks;

GRANT SELECT ON published_open_tasks TO ${appRole};
