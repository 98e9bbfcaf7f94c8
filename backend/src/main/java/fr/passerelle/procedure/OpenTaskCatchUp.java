package fr.passerelle.procedure;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, brings the task lists' read model level with the engine for tasks it never saw:
 * those of a database that predates the read model. The listener of {@link OpenTaskProjection}
 * keeps them level from then on; several nodes starting together write the same rows.
 */
@Component
class OpenTaskCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(OpenTaskCatchUp.class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProcessEngineConfigurationImpl engine;
    private final OpenTaskProjection projection;

    OpenTaskCatchUp(JdbcTemplate jdbc, TransactionTemplate transaction, ProcessEngineConfigurationImpl engine,
                    OpenTaskProjection projection) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.engine = engine;
        this.projection = projection;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        List<String> tenants = jdbc.queryForList(
                "SELECT DISTINCT tenant_id_ FROM public.act_ru_task WHERE tenant_id_ IS NOT NULL", String.class);
        int written = 0;
        for (String tenant : tenants) {
            List<String> missing = transaction.execute(status -> {
                jdbc.queryForObject("SELECT set_config('passerelle.tenant_id', ?, true)", String.class, tenant);
                return jdbc.queryForList("""
                        SELECT t.id_ FROM public.act_ru_task t WHERE t.tenant_id_ = ?
                        AND NOT EXISTS (SELECT 1 FROM app.open_tasks o WHERE o.task_id = t.id_)""",
                        String.class, tenant);
            });
            for (String taskId : missing) {
                engine.getCommandExecutorTxRequired().execute(context -> {
                    TaskEntity task = context.getTaskManager().findTaskById(taskId);
                    if (task != null && task.getExecution() != null) {
                        projection.write(task);
                    }
                    return null;
                });
            }
            written += missing.size();
        }
        if (written > 0) {
            LOG.info("Task lists: {} open tasks the read model did not have were added", written);
        }
    }
}
