package fr.passerelle.procedure;

import fr.passerelle.cases.RenewalFiled;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.AssociationTime;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code app.open_tasks} (the task lists' read model) in step with the engine, inside the
 * engine's command, on its connection and transaction: the row and the task commit or roll back
 * together, whichever thread (a request, the job executor firing a timer) changed the task; each
 * write binds the task's own association to that transaction.
 * <ul>
 * <li>a built-in listener on every user task writes the row when the task is created, changes
 * its assignee, name and due date when it is updated (a claim or an assignment of a created task
 * is an update too; one before the creation is in the created row), and removes the row when the
 * task is completed or deleted (built-in listeners run even when a caller skips custom ones);
 * <li>candidates added or removed after the creation: the update event that follows still
 * sees the task's old list of them, so the update leaves candidates alone and the engine's
 * identity-link history events carry each change (history level full, checked at start).
 * </ul>
 * The rule each due date comes from ({@link DueDateRule}) is kept with the row, and every due
 * date set or changed, and every task ended, is published ({@link TaskDeadlineChanged},
 * {@link TaskClosed}) in the same transaction, for the reminders' outbox (alerts).
 */
@Component
class OpenTaskProjection extends AbstractProcessEnginePlugin {
    private static final Logger LOG = LoggerFactory.getLogger(OpenTaskProjection.class);
    private final JdbcTemplate jdbc;
    private final AssociationScope scope;
    private final ApplicationEventPublisher events;

    OpenTaskProjection(JdbcTemplate jdbc, AssociationScope scope, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(parseListener());
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(candidateChanges());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!HistoryLevel.HISTORY_LEVEL_FULL.equals(configuration.getHistoryLevel())) {
            throw new IllegalStateException("The task lists follow candidate changes through the engine's history: "
                    + "camunda.bpm.history-level must be full, not "
                    + configuration.getHistoryLevel().getName());
        }
    }

    /** The main process's task whose completion files the renewal of the card (form case-renewal-filed). */
    static final String RENEWAL_TASK = "applyForRenewal";

    private BpmnParseListener parseListener() {
        TaskListener create = this::write;
        TaskListener change = this::change;
        TaskListener remove = task -> {
            remove(task.getTenantId(), task.getId());
            if (task.getTenantId() != null) {
                events.publishEvent(new TaskClosed(task.getTenantId(), task.getId()));
            }
        };
        // The renewal filed (R431-5 CESEDA) opens the renewal case, which starts at this filing: the cases
        // module's (RenewalFiled), with the form's facts and the end of the card renewed.
        TaskListener renewalFiled = task -> {
            if (task.getTenantId() != null) {
                Object channel = task.getVariable("renewalChannel");
                events.publishEvent(new RenewalFiled(
                        task.getTenantId(),
                        UUID.fromString(task.getExecution().getProcessBusinessKey()),
                        day(task.getVariable("renewalFiledDate")),
                        channel == null ? null : channel.toString(),
                        day(task.getVariable("renewalReceiptIssuedDate")),
                        day(task.getVariable("renewalReceiptValidUntil")),
                        day(task.getVariable("cardValidUntil"))));
            }
        };
        return new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition =
                        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, create);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, change);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, remove);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, remove);
                if (RENEWAL_TASK.equals(activity.getId())) {
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, renewalFiled);
                }
            }
        };
    }

    /** A date variable as the day it names in Paris: a java.util.Date, or an ISO date (time) string. */
    private static LocalDate day(Object value) {
        return value instanceof Date date
                ? date.toInstant().atZone(AssociationTime.ZONE).toLocalDate()
                : CaseProgressProjection.date(value, null);
    }

    private HistoryEventHandler candidateChanges() {
        return new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (event instanceof HistoricIdentityLinkLogEventEntity link
                        && link.getTaskId() != null
                        && IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    changeCandidate(link);
                }
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        };
    }

    /**
     * Writes the task's whole row (its creation, or a catch-up); a task of a process that is not
     * a case's (no such case in its association) has none.
     */
    int write(DelegateTask task) {
        UUID caseId = caseIdOf(task.getExecution().getProcessBusinessKey());
        if (caseId == null || task.getTenantId() == null) {
            LOG.warn(
                    "Task {} ({}) belongs to no case (business key {}, association {}): it is in no task list",
                    task.getId(),
                    task.getTaskDefinitionKey(),
                    task.getExecution().getProcessBusinessKey(),
                    task.getTenantId());
            return 0;
        }
        String[] groups = candidates(task, true);
        String[] users = candidates(task, false);
        return scope.call(task.getTenantId(), () -> {
            int written = jdbc.update(connection -> {
                var statement = connection.prepareStatement("""
                        INSERT INTO app.open_tasks (task_id, tenant_id, case_id, process_instance_id, step, task_key, name,
                                                    name_en, assignee, candidate_groups, candidate_users, due, created,
                                                    deadline_rule)
                        SELECT ?, c.tenant_id, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                        FROM app.published_cases c WHERE c.tenant_id = ? AND c.id = ?
                        ON CONFLICT (task_id) DO UPDATE SET name = excluded.name, assignee = excluded.assignee,
                            candidate_groups = excluded.candidate_groups, candidate_users = excluded.candidate_users,
                            due = excluded.due, deadline_rule = excluded.deadline_rule""");
                int i = 0;
                statement.setString(++i, task.getId());
                statement.setString(++i, task.getProcessInstanceId());
                statement.setString(
                        ++i,
                        ((ExecutionEntity) task.getExecution())
                                .getProcessDefinition()
                                .getKey());
                statement.setString(++i, task.getTaskDefinitionKey());
                statement.setString(++i, nameOf(task));
                statement.setString(++i, EnglishName.of(task.getBpmnModelElementInstance()));
                statement.setString(++i, task.getAssignee());
                statement.setArray(++i, connection.createArrayOf("text", groups));
                statement.setArray(++i, connection.createArrayOf("text", users));
                statement.setTimestamp(++i, timestamp(task.getDueDate()));
                statement.setTimestamp(++i, timestamp(Objects.requireNonNullElseGet(task.getCreateTime(), Date::new)));
                statement.setString(++i, ruleOf(task));
                statement.setString(++i, task.getTenantId());
                statement.setObject(++i, caseId);
                return statement;
            });
            if (written > 0) {
                publishDeadline(task, caseId);
            }
            return written;
        });
    }

    private void publishDeadline(DelegateTask task, UUID caseId) {
        events.publishEvent(new TaskDeadlineChanged(
                task.getTenantId(),
                task.getId(),
                caseId,
                ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey(),
                task.getTaskDefinitionKey(),
                nameOf(task),
                EnglishName.of(task.getBpmnModelElementInstance()),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                ruleOf(task),
                task.getVariable("department") instanceof String department ? department : null));
    }

    private static String ruleOf(DelegateTask task) {
        TaskDefinition definition =
                ((org.camunda.bpm.engine.impl.persistence.entity.TaskEntity) task).getTaskDefinition();
        return definition == null ? null : DueDateRule.of(definition.getDueDateExpression(), task);
    }

    /** Assignee, name or deadline changed. */
    private void change(DelegateTask task) {
        if (task.getTenantId() == null) {
            return;
        }
        scope.run(task.getTenantId(), () -> {
            int changed = jdbc.update(
                    "UPDATE app.open_tasks SET assignee = ?, name = ?, due = ? WHERE task_id = ?",
                    task.getAssignee(),
                    nameOf(task),
                    timestamp(task.getDueDate()),
                    task.getId());
            UUID caseId = caseIdOf(task.getExecution().getProcessBusinessKey());
            if (changed > 0 && caseId != null) {
                publishDeadline(task, caseId);
            }
        });
    }

    /** One candidate group or user added or removed (one of a task being created finds no row yet). */
    private void changeCandidate(HistoricIdentityLinkLogEventEntity link) {
        if (link.getTenantId() == null) {
            return;
        }
        String column = link.getGroupId() != null ? "candidate_groups" : "candidate_users";
        String candidate = link.getGroupId() != null ? link.getGroupId() : link.getUserId();
        // the engine's operation types of HistoricIdentityLinkLog: "add" and "delete"
        String operation = "add".equals(link.getOperationType()) ? "array_append" : "array_remove";
        scope.run(link.getTenantId(), () -> {
            jdbc.update(
                    "UPDATE app.open_tasks SET " + column + " = ARRAY(SELECT DISTINCT c FROM unnest(" + operation + "("
                            + column + ", ?)) c ORDER BY c) WHERE task_id = ?",
                    candidate,
                    link.getTaskId());
        });
    }

    void remove(String tenantId, String taskId) {
        if (tenantId == null) {
            return;
        }
        scope.run(tenantId, () -> {
            jdbc.update("DELETE FROM app.open_tasks WHERE task_id = ?", taskId);
        });
    }

    private static String[] candidates(DelegateTask task, boolean groups) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(groups ? IdentityLink::getGroupId : IdentityLink::getUserId)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toArray(String[]::new);
    }

    private static String nameOf(DelegateTask task) {
        return Objects.requireNonNullElse(task.getName(), task.getTaskDefinitionKey());
    }

    private static UUID caseIdOf(String businessKey) {
        if (businessKey == null) {
            return null;
        }
        try {
            return UUID.fromString(businessKey);
        } catch (IllegalArgumentException notACase) {
            return null;
        }
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
