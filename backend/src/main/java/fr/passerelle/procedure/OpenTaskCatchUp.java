package fr.passerelle.procedure;

import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.util.List;
import java.util.Set;
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
 * At start-up, brings the task lists' read model level with the engine: adds the open tasks it
 * never saw (a database older than the read model) and removes rows whose task has ended. The
 * listener of {@link OpenTaskProjection} keeps them level from then on; several nodes starting
 * together write the same rows.
 */
@Component
class OpenTaskCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(OpenTaskCatchUp.class);
    private final JdbcTemplate jdbc;
    private final ProcessEngineConfigurationImpl engine;
    private final OpenTaskProjection projection;

    OpenTaskCatchUp(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine, OpenTaskProjection projection) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.projection = projection;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        long start = System.nanoTime();
        int written = 0;
        int removed = 0;
        for (String tenant : jdbc.queryForList("SELECT slug FROM app.associations ORDER BY slug", String.class)) {
            List<String> missing = asTenant(tenant, () -> jdbc.queryForList("""
                    SELECT t.id_ FROM public.act_ru_task t WHERE t.tenant_id_ = ?
                    AND NOT EXISTS (SELECT 1 FROM app.open_tasks o WHERE o.task_id = t.id_)""", String.class, tenant));
            for (String taskId : missing) {
                written += engine.getCommandExecutorTxRequired().execute(context -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    return task == null || task.getExecution() == null ? 0 : projection.write(task);
                });
            }
            // rows of tasks that ended unseen (or while this ran): none should outlive its task
            removed += asTenant(tenant, () -> jdbc.update("""
                    DELETE FROM app.open_tasks o WHERE o.tenant_id = ?
                    AND NOT EXISTS (SELECT 1 FROM public.act_ru_task t WHERE t.id_ = o.task_id)""", tenant));
        }
        LOG.info("Task lists checked against the engine in {} ms: {} open tasks added, {} ended ones removed",
                (System.nanoTime() - start) / 1_000_000, written, removed);
    }

    /** Work for one association, as the service does outside a request: it sees that one's rows only. */
    private static <T> T asTenant(String tenant, Supplier<T> work) {
        return Tenancy.runAs(new CurrentAssociation(tenant, Set.of()), work);
    }
}
