package fr.passerelle.procedure;

import java.sql.Timestamp;
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
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code app.open_tasks} (the task lists' read model) in step with the engine: a built-in
 * listener on every user task writes the row when the task is created, assigned or updated,
 * and removes it when the task is completed or deleted. It runs inside the engine's command,
 * on the engine's connection and transaction, so the row and the task commit or roll back
 * together, whichever thread (a request, the job executor firing a timer) changed the task.
 * Built-in listeners also run when a caller skips custom listeners.
 */
@Component
class OpenTaskProjection extends AbstractProcessEnginePlugin {
    private static final List<String> WRITE_EVENTS = List.of(
            TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE);
    private static final List<String> REMOVE_EVENTS = List.of(
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);
    private final JdbcTemplate jdbc;

    OpenTaskProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(parseListener());
    }

    private BpmnParseListener parseListener() {
        TaskListener write = this::write;
        TaskListener remove = task -> remove(task.getTenantId(), task.getId());
        return new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition();
                WRITE_EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, write));
                REMOVE_EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, remove));
            }
        };
    }

    /** Writes the task's row; a task of a process that is not a case's (no such case) has none. */
    void write(DelegateTask task) {
        UUID caseId = caseIdOf(task.getExecution().getProcessBusinessKey());
        if (caseId == null || task.getTenantId() == null) {
            return;
        }
        String[] groups = candidates(task, true);
        String[] users = candidates(task, false);
        actAs(task.getTenantId());
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO app.open_tasks (task_id, tenant_id, case_id, process_instance_id, step, task_key, name,
                                                name_en, assignee, candidate_groups, candidate_users, due, created)
                    SELECT ?, c.tenant_id, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                    FROM app.cases c WHERE c.tenant_id = ? AND c.id = ?
                    ON CONFLICT (task_id) DO UPDATE SET name = excluded.name, assignee = excluded.assignee,
                        candidate_groups = excluded.candidate_groups, candidate_users = excluded.candidate_users,
                        due = excluded.due""");
            int i = 0;
            statement.setString(++i, task.getId());
            statement.setString(++i, task.getProcessInstanceId());
            statement.setString(++i, stepOf(task.getProcessDefinitionId()));
            statement.setString(++i, task.getTaskDefinitionKey());
            statement.setString(++i, Objects.requireNonNullElse(task.getName(), task.getTaskDefinitionKey()));
            statement.setString(++i, EnglishName.of(task.getBpmnModelElementInstance()));
            statement.setString(++i, task.getAssignee());
            statement.setArray(++i, connection.createArrayOf("text", groups));
            statement.setArray(++i, connection.createArrayOf("text", users));
            statement.setTimestamp(++i, timestamp(task.getDueDate()));
            statement.setTimestamp(++i, timestamp(Objects.requireNonNullElseGet(task.getCreateTime(), Date::new)));
            statement.setString(++i, task.getTenantId());
            statement.setObject(++i, caseId);
            return statement;
        });
    }

    void remove(String tenantId, String taskId) {
        if (tenantId == null) {
            return;
        }
        actAs(tenantId);
        jdbc.update("DELETE FROM app.open_tasks WHERE task_id = ?", taskId);
    }

    /**
     * The task's own association, for the rest of this transaction: the job executor runs for
     * no association, and row-level security admits only the rows of the one set.
     */
    private void actAs(String tenantId) {
        jdbc.queryForObject("SELECT set_config('passerelle.tenant_id', ?, true)", String.class, tenantId);
    }

    private static String[] candidates(DelegateTask task, boolean groups) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(groups ? IdentityLink::getGroupId : IdentityLink::getUserId)
                .filter(Objects::nonNull).distinct().sorted().toArray(String[]::new);
    }

    /** A process definition id is {@code key:version:id}; the key names the procedure step. */
    static String stepOf(String processDefinitionId) {
        return processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
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
