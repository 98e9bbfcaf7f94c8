-- The open user tasks as the task lists read them: a read model of the engine's tasks, written
-- by a task listener inside the engine's own transaction (procedure.OpenTaskProjection), so it
-- never disagrees with the engine. Tenant-owned, under the same row-level security as app.cases.

CREATE TABLE open_tasks (
    task_id              text PRIMARY KEY,
    tenant_id            text NOT NULL REFERENCES associations (slug),
    case_id              uuid NOT NULL,
    process_instance_id  text NOT NULL,
    -- the procedure the task belongs to: its process definition key (appointment, filing, ...)
    step                 text NOT NULL,
    task_key             text NOT NULL,
    name                 text NOT NULL,
    name_en              text NOT NULL DEFAULT '',
    assignee             text,
    candidate_groups     text[] NOT NULL DEFAULT '{}',
    candidate_users      text[] NOT NULL DEFAULT '{}',
    due                  timestamptz,
    created              timestamptz NOT NULL,
    -- a task belongs to a case of the same association, and goes with it
    FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
-- Every list is read soonest deadline first (no deadline last), within one association:
-- the groups' and the association's lists by the first index, "mine" by the second.
CREATE INDEX open_tasks_by_due ON open_tasks (tenant_id, due, created, task_id);
CREATE INDEX open_tasks_by_assignee ON open_tasks (tenant_id, assignee, due, created, task_id);
CREATE INDEX open_tasks_by_case ON open_tasks (tenant_id, case_id);

ALTER TABLE open_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE open_tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON open_tasks
    USING (tenant_id = current_setting('passerelle.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('passerelle.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON open_tasks TO ${appRole};
