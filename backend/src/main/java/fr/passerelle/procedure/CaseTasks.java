package fr.passerelle.procedure;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The engine's tasks as other modules drive them (the appeal's offer and acceptance), without
 * knowing the engine; people complete tasks through {@link ProcessTasks} and the task API.
 */
@Service
public class CaseTasks {
    private final TaskService tasks;

    CaseTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /** An open task: its id, process instance, execution and due date (null without one). */
    public record OpenTask(String id, String processInstanceId, String executionId, Instant due) {}

    /** The open task of that process instance at that step, if one waits there. */
    public Optional<OpenTask> waiting(String processInstanceId, String taskKey) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        return Optional.ofNullable(task)
                .map(t -> new OpenTask(
                        t.getId(),
                        t.getProcessInstanceId(),
                        t.getExecutionId(),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant()));
    }

    /** Whether the task is still open. */
    public boolean open(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() > 0;
    }

    public void complete(String taskId, Map<String, Object> variables) {
        tasks.complete(taskId, variables);
    }

    /** Completes the task, or throws {@code raced} when another transaction completed it a moment ago. */
    public void complete(String taskId, Map<String, Object> variables, Supplier<? extends RuntimeException> raced) {
        try {
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException e) {
            throw raced.get();
        }
    }

    /** This user is no longer a candidate for the task. */
    public void withdrawCandidate(String taskId, String userId) {
        tasks.deleteCandidateUser(taskId, userId);
    }

    /** The process instance's tasks assigned to {@code assignee} go back to {@code group}'s pool. */
    public void handBack(String processInstanceId, String assignee, String group) {
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskAssignee(assignee)
                .list()) {
            tasks.setAssignee(task.getId(), null);
            tasks.addCandidateGroup(task.getId(), group);
        }
    }
}
