package fr.passerelle.alerts;

import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.procedure.TaskClosed;
import fr.passerelle.procedure.TaskDeadlineChanged;
import fr.passerelle.tenancy.AssociationScope;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the reminders' outbox from the procedure's task events. The events come synchronously,
 * inside the engine's command, so these rows commit or roll back with the task that causes them:
 * a task that never committed has no reminder, and a committed one always has its reminders.
 * A due date that moves cancels the reminders of the old date that were not sent and schedules
 * the new date's; an ended task cancels its reminders. Times come from the engine's clock.
 */
@Component
class ReminderSchedule {
    private final JdbcTemplate jdbc;
    private final AssociationScope scope;
    private final AlertProperties properties;
    private final Clock clock;

    ReminderSchedule(JdbcTemplate jdbc, AssociationScope scope, AlertProperties properties, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.scope = scope;
        this.properties = properties;
    }

    @EventListener
    void deadlineChanged(TaskDeadlineChanged task) {
        scope.run(task.tenantId(), () -> {
            if (task.due() == null) {
                cancel(task.taskId());
                return;
            }
            Timestamp due = Timestamp.from(task.due());
            jdbc.update(
                    "UPDATE app.reminders SET status = 'CANCELLED' WHERE task_id = ? AND status = 'PENDING' AND due <> ?",
                    task.taskId(),
                    due);
            Integer live = jdbc.queryForObject(
                    "SELECT count(*) FROM app.reminders WHERE task_id = ? AND due = ? AND status <> 'CANCELLED'",
                    Integer.class,
                    task.taskId(),
                    due);
            if (live != null && live > 0) {
                // this date's reminders are scheduled already (an assignment or a claim changed nothing of them)
                return;
            }
            var zone = LegalDeadlines.zoneOf(task.department());
            for (Thresholds.Threshold threshold :
                    Thresholds.of(task.rule(), task.due(), clock.instant(), zone, properties.hour())) {
                jdbc.update(
                        """
                        INSERT INTO app.reminders (tenant_id, task_id, case_id, step, task_key, task_name, task_name_en, rule,
                                                   zone, due, threshold, send_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (task_id, due, threshold) DO UPDATE SET status = 'PENDING', send_at = excluded.send_at,
                            attempts = 0, next_attempt_at = NULL, last_error = NULL
                        WHERE reminders.status = 'CANCELLED'""",
                        task.tenantId(),
                        task.taskId(),
                        task.caseId(),
                        task.step(),
                        task.taskKey(),
                        task.name(),
                        task.nameEn() == null ? "" : task.nameEn(),
                        task.rule(),
                        zone.getId(),
                        due,
                        threshold.name(),
                        Timestamp.from(threshold.sendAt()));
            }
        });
    }

    @EventListener
    void taskClosed(TaskClosed task) {
        scope.run(task.tenantId(), () -> {
            cancel(task.taskId());
        });
    }

    private void cancel(String taskId) {
        jdbc.update("UPDATE app.reminders SET status = 'CANCELLED' WHERE task_id = ? AND status = 'PENDING'", taskId);
    }
}
