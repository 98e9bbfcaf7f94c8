package fr.passerelle.procedure;

import fr.passerelle.cases.CaseFiles;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a case stands in its procedure: the process instances running for it (the main
 * process and those it called, the step running now), each with its model and the activities
 * active in it, for the web app to draw. Read with the caller's engine authentication (tenant
 * check) after the case's own read check, so another association's case is 404 here too.
 */
@Service
class CaseStanding {
    private static final String CONTENTIOUS_APPEAL = "appeal-contentious";
    private final CaseFiles cases;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    CaseStanding(CaseFiles cases, RuntimeService runtime, HistoryService history, RepositoryService repository) {
        this.cases = cases;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    /** A process instance of the case; {@code parentId} is the instance that called it (null for the main one). */
    record Standing(
            String instanceId,
            String parentId,
            String key,
            String name,
            String definitionId,
            List<String> activeActivityIds,
            boolean ended) {}

    /**
     * {@code flags}: what the case's people must see at once, from the main process's variables
     * (processes/README.md): {@code ARREST_RISK} (a prior OQTF or entry ban known at triage),
     * {@code PRINTED_DEADLINE_DIFFERS} (the deadline printed on the decision is not the computed
     * one), {@code LIBERTY_RESTRICTED}, {@code DEADLINE_SHORTENED} (by a restriction of liberty, in any
     * running process of the case: the OQTF's deadline runs where its task is).
     */
    record Procedure(String caseId, List<Standing> processes, List<String> flags) {}

    private static final java.util.Map<String, String> FLAGS = java.util.Map.of(
            "arrestRisk",
            "ARREST_RISK",
            "printedDeadlineDiffers",
            "PRINTED_DEADLINE_DIFFERS",
            "deadlineSwitched",
            "DEADLINE_SHORTENED");

    @Transactional(readOnly = true)
    Procedure of(UUID caseId) {
        cases.requireReadable(caseId);
        // A lawyer granted the case reads its appeal, not where the rest of the procedure stands.
        boolean appealOnly = !fr.passerelle.tenancy.Tenancy.current().isStaff();
        List<Standing> processes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .list();
        // the instance each one was called from, in one query (the history holds it, written with the runtime)
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        if (!running.isEmpty()) {
            history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(
                            running.stream().map(ProcessInstance::getId).collect(Collectors.toSet()))
                    .list()
                    .forEach(instance -> parents.put(instance.getId(), instance.getSuperProcessInstanceId()));
        }
        for (ProcessInstance instance : running) {
            ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
            if (!appealOnly || CONTENTIOUS_APPEAL.equals(definition.getKey())) {
                processes.add(new Standing(
                        instance.getId(),
                        parents.get(instance.getId()),
                        definition.getKey(),
                        definition.getName(),
                        definition.getId(),
                        runtime.getActiveActivityIds(instance.getId()).stream()
                                .sorted()
                                .toList(),
                        false));
            }
            if (CaseProcedure.MAIN_PROCESS.equals(definition.getKey())) {
                java.util.Map<String, Object> values = runtime.getVariables(
                        instance.getId(),
                        List.of("arrestRisk", "printedDeadlineDiffers", "deadlineSwitched", "restrictionKind"));
                FLAGS.forEach((variable, flag) -> {
                    if (Boolean.TRUE.equals(values.get(variable))) {
                        flags.add(flag);
                    }
                });
                if (values.get("restrictionKind") != null) {
                    flags.add("LIBERTY_RESTRICTED");
                }
            }
        }
        if (!running.isEmpty()
                && !flags.contains("DEADLINE_SHORTENED")
                && runtime
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(
                                running.stream().map(ProcessInstance::getId).toArray(String[]::new))
                        .variableName("deadlineSwitched")
                        .list()
                        .stream()
                        .anyMatch(variable -> Boolean.TRUE.equals(variable.getValue()))) {
            // an OQTF's deadline shortened where it runs: a decision, an OQTF's own follow-up, an appeal
            flags.add("DEADLINE_SHORTENED");
        }
        if (appealOnly) {
            // the appeal drawn on its own: the process that called it is not shown
            processes.replaceAll(shown -> new Standing(
                    shown.instanceId(),
                    null,
                    shown.key(),
                    shown.name(),
                    shown.definitionId(),
                    shown.activeActivityIds(),
                    shown.ended()));
        } else if (processes.isEmpty()) {
            // The procedure is over: the main process as it ended.
            HistoricProcessInstance ended = history
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId.toString())
                    .processDefinitionKey(CaseProcedure.MAIN_PROCESS)
                    .orderByProcessInstanceStartTime()
                    .desc()
                    .listPage(0, 1)
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (ended != null) {
                // plain and terminate ends (the procedure's ends terminate what still runs)
                List<String> endEvents =
                        history.createHistoricActivityInstanceQuery().processInstanceId(ended.getId()).list().stream()
                                .filter(activity -> activity.getActivityType().endsWith("EndEvent"))
                                .map(activity -> activity.getActivityId())
                                .distinct()
                                .sorted()
                                .toList();
                processes.add(new Standing(
                        ended.getId(),
                        null,
                        ended.getProcessDefinitionKey(),
                        ended.getProcessDefinitionName(),
                        ended.getProcessDefinitionId(),
                        endEvents,
                        true));
            }
        }
        // The main process first, then the ones it called, by depth.
        processes.sort(Comparator.comparingInt((Standing standing) -> depth(standing, parents, processes.size()))
                .thenComparing(Standing::key));
        return new Procedure(
                caseId.toString(), processes, flags.stream().sorted().toList());
    }

    /** The BPMN XML of a process definition: models are shared by every association, and hold no case data. */
    @Transactional(readOnly = true)
    String modelXml(String definitionId) {
        Tenancy.current();
        try (InputStream model = repository.getProcessModel(definitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NotFoundException e) {
            throw Problem.notFound("process_definition_not_found", definitionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int depth(Standing standing, java.util.Map<String, String> parents, int count) {
        int depth = 0;
        String parent = standing.parentId();
        while (parent != null && depth < count) {
            depth++;
            parent = parents.get(parent);
        }
        return depth;
    }
}
