-- A lawyer's list is the tasks assigned to them (open_tasks_by_assignee) or offered to them by
-- name: few among an association's many tasks, found by this index instead of by walking them all.
CREATE INDEX open_tasks_offered_by_name ON open_tasks (tenant_id, due, created, task_id)
    WHERE cardinality(candidate_users) > 0;
