package fr.passerelle.procedure;

import fr.passerelle.tenancy.AssociationScope;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, brings the task lists' read model level with the engine in the associations that
 * still have open tasks older than it (a database that had them before V40): adds the rows it
 * never saw and removes rows whose task has ended. Later tasks need no check: {@link
 * OpenTaskProjection} wrote each one with its row, in the same transaction. Several nodes
 * starting together write the same rows.
 */
@Component
class OpenTaskCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(OpenTaskCatchUp.class);
    private final JdbcTemplate jdbc;
    private final ProcessEngineConfigurationImpl engine;
    private final OpenTaskProjection projection;
    private final AssociationScope scope;

    OpenTaskCatchUp(
            JdbcTemplate jdbc,
            ProcessEngineConfigurationImpl engine,
            OpenTaskProjection projection,
            AssociationScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.engine = engine;
        this.projection = projection;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        long start = System.nanoTime();
        Timestamp olderThan = readModelInstalled();
        int written = 0;
        int removed = 0;
        // the engine's tables are not under row-level security: one look finds the associations to check
        for (String tenant : jdbc.queryForList("""
                SELECT DISTINCT tenant_id_ FROM public.act_ru_task
                WHERE create_time_ < ? AND tenant_id_ IS NOT NULL ORDER BY 1""", String.class, olderThan)) {
            List<String> missing = asTenant(tenant, () -> jdbc.queryForList("""
                    SELECT t.id_ FROM public.act_ru_task t WHERE t.tenant_id_ = ? AND t.create_time_ < ?
                    AND NOT EXISTS (SELECT 1 FROM app.open_tasks o WHERE o.task_id = t.id_)""", String.class, tenant, olderThan));
            for (String taskId : missing) {
                written += engine.getCommandExecutorTxRequired().execute(context -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    return task == null || task.getExecution() == null ? 0 : projection.write(task);
                });
            }
            // rows of old tasks that ended while a check ran: none should outlive its task
            removed += asTenant(tenant, () -> jdbc.update("""
                    DELETE FROM app.open_tasks o WHERE o.tenant_id = ? AND o.created < ?
                    AND NOT EXISTS (SELECT 1 FROM public.act_ru_task t WHERE t.id_ = o.task_id)""", tenant, olderThan));
        }
        LOG.info(
                "Task lists checked against the engine in {} ms: {} open tasks added, {} ended ones removed",
                (System.nanoTime() - start) / 1_000_000,
                written,
                removed);
    }

    /**
     * When the read model began (V40), plus a day: the engine stamps tasks in the JVM's local time,
     * Flyway in the database's, and a day covers any difference between the two.
     */
    private Timestamp readModelInstalled() {
        return jdbc.queryForObject("""
                SELECT installed_on + interval '1 day' FROM app.flyway_schema_history WHERE version = '40'""", Timestamp.class);
    }

    /** Work for one association, as the service does outside a request: it sees that one's rows only. */
    private <T> T asTenant(String tenant, Supplier<T> work) {
        return scope.call(tenant, work);
    }
}
