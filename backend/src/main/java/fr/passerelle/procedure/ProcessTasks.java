package fr.passerelle.procedure;

import static fr.passerelle.security.Role.COORDINATOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.audit.Audit;
import fr.passerelle.cases.CaseFiles;
import fr.passerelle.platform.AssociationDirectory;
import fr.passerelle.security.Role;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's user tasks as people work them. Every call runs with the caller's engine
 * authentication (tenant check); on top, only the task's assignee, its candidate users and
 * the members of its candidate groups may work it, and a coordinator may work any task of
 * the association's staff.
 */
@Service
public class ProcessTasks {
    private final TaskService tasks;
    private final FormService forms;
    private final HistoryService history;
    private final RepositoryService repository;
    private final ObjectMapper json;
    private final RuntimeService runtime;
    private final CaseFiles cases;

    private final Map<String, String> englishNames = new ConcurrentHashMap<>();
    private final List<TaskGuard> guards;
    private final AssociationDirectory directory;
    private final Audit audit;

    ProcessTasks(
            TaskService tasks,
            FormService forms,
            HistoryService history,
            RepositoryService repository,
            ObjectMapper json,
            RuntimeService runtime,
            CaseFiles cases,
            List<TaskGuard> guards,
            AssociationDirectory directory,
            Audit audit) {
        this.guards = guards;
        this.directory = directory;
        this.audit = audit;
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.history = history;
        this.repository = repository;
        this.json = json;
    }

    @Transactional(readOnly = true)
    TaskView get(String id) {
        Task task = visible(id);
        return view(task, links(id), formSchema(task));
    }

    /** The open tasks of a case the caller may read (404 for another association's). */
    @Transactional(readOnly = true)
    List<TaskView> ofCase(UUID caseId) {
        cases.requireReadable(caseId);
        return onlyMineIfLawyer(tasks.createTaskQuery().processInstanceBusinessKey(caseId.toString()))
                .orderByDueDate()
                .asc()
                .list()
                .stream()
                .map(task -> view(task, links(task.getId()), null))
                .toList();
    }

    /** Completes a task with its form's data, once: a second completion gets 409. */
    @Transactional
    public void complete(String id, Map<String, Object> submission) {
        Task task = visible(id);
        List<IdentityLink> links = links(id);
        requireMayWork(task, links);
        Map<String, Object> variables =
                TaskForm.of(formSchema(task)).validate(submission, name -> tasks.getVariable(id, name), today());
        String processKey =
                repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        for (TaskGuard guard : guards) {
            guard.beforeCompletion(processKey, task.getTaskDefinitionKey(), caseOf(task), variables);
        }
        try {
            tasks.complete(id, variables);
        } catch (OptimisticLockingException e) {
            throw new TaskGoneException(id, "task_completed_elsewhere");
        } catch (ProcessEngineException e) {
            if (finished(id)) {
                throw new TaskGoneException(id, "task_completed_elsewhere");
            }
            throw e;
        }
    }

    @Transactional
    void claim(String id) {
        Task task = visible(id);
        requireMayWork(task, links(id));
        try {
            tasks.claim(id, me());
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw new TaskGoneException(id, "task_claimed_elsewhere");
        }
    }

    @Transactional
    void unclaim(String id) {
        Task task = visible(id);
        if (!me().equals(task.getAssignee())) {
            Tenancy.current().requireAnyOf(COORDINATOR);
        }
        tasks.setAssignee(id, null);
    }

    /**
     * A coordinator hands a task to a member of the association whose role may work it (one of the
     * task's candidate roles, or a coordinator for a staff task), as Keycloak says; or takes it back
     * with a null assignee. Any other id: 400 naming {@code assignee}. The audit names the member
     * as Keycloak does, never as the request does.
     */
    @Transactional
    void assign(String id, String assignee) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(COORDINATOR);
        Task task = visible(id);
        if (assignee == null) {
            tasks.setAssignee(id, null);
            audit.changed(caseOf(task), "TASK_ASSIGNED", task.getName() + ": unassigned");
            return;
        }
        Set<Role> allowed = rolesThatMayWork(links(id));
        AssociationDirectory.Person person = directory
                .member(association.slug(), assignee)
                .filter(member -> member.roles().stream().anyMatch(allowed::contains))
                .orElseThrow(() -> fr.passerelle.web.InputRefusal.invalid(
                        "assignee",
                        fr.passerelle.web.InputRefusal.Fault.of(
                                "not_member",
                                "{0} is not a member of the association with a role that may do it",
                                assignee)));
        tasks.setAssignee(id, person.userId());
        audit.changed(
                caseOf(task), "TASK_ASSIGNED", task.getName() + ": " + person.name() + " (" + person.userId() + ")");
    }

    /** The task's candidate roles, and coordinators for any staff task; staff when it names none. */
    private static Set<Role> rolesThatMayWork(List<IdentityLink> links) {
        Set<Role> roles = new java.util.HashSet<>();
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                for (Role role : Role.values()) {
                    if (role.groupName().equals(link.getGroupId())) {
                        roles.add(role);
                    }
                }
            }
        }
        if (roles.isEmpty() || roles.contains(Role.CASEWORKER)) {
            roles.add(Role.CASEWORKER);
        }
        if (roles.stream().anyMatch(role -> role != Role.LAWYER)) {
            roles.add(COORDINATOR);
        }
        return roles;
    }

    /**
     * The task, if the caller may see it: the engine's tenant check hides other associations';
     * a lawyer sees only the tasks of a contentious appeal assigned or offered to them. Others
     * are absent (404); a task completed a moment ago is 409, to staff only.
     */
    private Task visible(String id) {
        Task task = onlyMineIfLawyer(tasks.createTaskQuery().taskId(id).initializeFormKeys())
                .singleResult();
        if (task == null) {
            if (Tenancy.current().isStaff() && finished(id)) {
                throw new TaskGoneException(id, "task_already_completed");
            }
            throw new TaskNotFoundException(id);
        }
        return task;
    }

    private static TaskQuery onlyMineIfLawyer(TaskQuery query) {
        if (Tenancy.current().isStaff()) {
            return query;
        }
        return query.processDefinitionKey(TaskList.LAWYERS_STEP)
                .or()
                .taskAssignee(me())
                .taskCandidateUser(me())
                .endOr();
    }

    private UUID caseOf(Task task) {
        return UUID.fromString(runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey());
    }

    private boolean finished(String id) {
        return history.createHistoricTaskInstanceQuery().taskId(id).finished().count() > 0;
    }

    private void requireMayWork(Task task, List<IdentityLink> links) {
        String me = me();
        if (task.getAssignee() != null) {
            if (!task.getAssignee().equals(me)) {
                throw new fr.passerelle.web.Problem(
                        org.springframework.http.HttpStatus.FORBIDDEN, "task_assigned_elsewhere");
            }
            return;
        }
        CurrentAssociation association = Tenancy.current();
        Set<String> myGroups = association.roles().stream().map(Role::groupName).collect(Collectors.toSet());
        boolean candidate = links.stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (me.equals(link.getUserId())
                                || (link.getGroupId() != null && myGroups.contains(link.getGroupId()))));
        boolean staffTask = links.stream()
                .anyMatch(link ->
                        link.getGroupId() != null && !Role.LAWYER.groupName().equals(link.getGroupId()));
        if (!candidate && !(association.has(COORDINATOR) && staffTask)) {
            throw new fr.passerelle.web.Problem(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "task_for_others",
                    links.stream()
                            .map(IdentityLink::getGroupId)
                            .filter(Objects::nonNull)
                            .distinct()
                            .collect(Collectors.joining(", ")));
        }
    }

    private List<IdentityLink> links(String taskId) {
        return tasks.getIdentityLinksForTask(taskId);
    }

    private JsonNode formSchema(Task task) {
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            JsonNode schema = json.readTree(form);
            prefill(schema.path("components"), task.getId());
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A field marked {@code "properties": {"prefill": "true"}} starts from the task's variable of its key
     * (its {@code defaultValue}): the competent court the model chose, which the person filing may change.
     */
    private void prefill(JsonNode components, String taskId) {
        for (JsonNode component : components) {
            if ("true".equals(component.path("properties").path("prefill").asText())
                    && component.path("key").isTextual()
                    && tasks.getVariable(taskId, component.path("key").asText()) instanceof String value
                    && component instanceof ObjectNode field) {
                field.put("defaultValue", value);
            }
            prefill(component.path("components"), taskId);
        }
    }

    private TaskView view(Task task, List<IdentityLink> links, JsonNode form) {
        List<String> groups = links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        List<String> users = links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getUserId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        String caseId = caseOf(task).toString();
        return new TaskView(
                task.getId(),
                task.getName(),
                englishName(task),
                caseId,
                task.getTaskDefinitionKey(),
                task.getAssignee(),
                groups,
                users,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime().toInstant(),
                form);
    }

    private String englishName(Task task) {
        return englishNames.computeIfAbsent(
                task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                k -> EnglishName.of(repository
                        .getBpmnModelInstance(task.getProcessDefinitionId())
                        .getModelElementById(task.getTaskDefinitionKey())));
    }

    /** The engine's today: tests move the engine's clock to fire timers, and dates follow it. */
    static LocalDate today() {
        return ClockUtil.getCurrentTime()
                .toInstant()
                .atZone(AssociationTime.ZONE)
                .toLocalDate();
    }

    private static String me() {
        return Users.current().orElseThrow().id();
    }
}
