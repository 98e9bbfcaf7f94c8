-- The planned tasks in creation order (rank rk), as the engine would have written them over
-- time: heap order follows creation, not associations. Executions go with the task that
-- brings them (a process instance with its first task), parents first.
SET synchronous_commit = off;
SET work_mem = '512MB';
SET maintenance_work_mem = '512MB';
SET jit = off;

CREATE UNLOGGED TABLE gen.task_load AS
SELECT row_number() OVER (ORDER BY created, task_id) AS rk, s.*
FROM gen.task_stage s
ORDER BY created, task_id;
CREATE UNIQUE INDEX ON gen.task_load (rk);
CREATE UNIQUE INDEX ON gen.task_load (task_id);
DROP TABLE gen.task_stage;
ANALYZE gen.task_load;

CREATE UNLOGGED TABLE gen.exec_load AS
SELECT l.rk, e.*
FROM gen.exec_stage e
JOIN gen.task_load l ON l.task_id = e.owner_task_id
ORDER BY l.rk, e.depth;
CREATE INDEX ON gen.exec_load (rk);
DROP TABLE gen.exec_stage;
ANALYZE gen.exec_load;
