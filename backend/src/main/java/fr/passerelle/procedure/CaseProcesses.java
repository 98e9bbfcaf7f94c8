package fr.passerelle.procedure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of a case's running processes, without knowing the engine: which run,
 * their variables, starting one (the demo), and work done as another engine user. Every query runs
 * with the caller's engine authentication, so the engine's tenant check applies.
 */
@Service
public class CaseProcesses {
    private final RuntimeService runtime;
    private final IdentityService identity;

    CaseProcesses(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    /** Whether this process instance still runs. */
    public boolean running(String processInstanceId) {
        return runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count()
                > 0;
    }

    /** The ids of the case's process instances of that model ({@code activeOnly}: not suspended). */
    public List<String> instances(UUID caseId, String processKey, boolean activeOnly) {
        ProcessInstanceQuery query = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey(processKey);
        if (activeOnly) {
            query.active();
        }
        return query.list().stream().map(Execution::getId).toList();
    }

    /** The ids of every process instance of the case, whatever its model. */
    public List<String> instances(UUID caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).list().stream()
                .map(Execution::getId)
                .toList();
    }

    /** Whether the association has any instance of that model. */
    public boolean anyOf(String processKey, String association) {
        return runtime.createProcessInstanceQuery()
                        .processDefinitionKey(processKey)
                        .tenantIdIn(association)
                        .count()
                > 0;
    }

    /** Starts a process of that model for the case (its business key), with these variables. */
    public void start(String processKey, UUID caseId, Map<String, Object> variables) {
        runtime.createProcessInstanceByKey(processKey)
                .businessKey(caseId.toString())
                .setVariables(variables)
                .execute();
    }

    /** The variables visible from a process instance or execution. */
    public Map<String, Object> variables(String executionId) {
        return runtime.getVariables(executionId);
    }

    /** These variables, where set, as seen from a process instance or execution. */
    public Map<String, Object> variables(String executionId, Collection<String> names) {
        return runtime.getVariables(executionId, names);
    }

    /**
     * Runs {@code work} as this engine user (groups, one association as tenant), then gives the
     * thread back its previous engine authentication.
     */
    public <T> T as(String userId, List<String> groups, String association, Supplier<T> work) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(userId, groups, List.of(association));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }
}
