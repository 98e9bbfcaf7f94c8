-- The task lists' start-up check (procedure.OpenTaskCatchUp) looks only at tasks older than the
-- read model (V40's installation): every later task was written with its row, in one transaction.
GRANT SELECT ON flyway_schema_history TO ${appRole};
