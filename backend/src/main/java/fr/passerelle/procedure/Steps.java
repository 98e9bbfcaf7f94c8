package fr.passerelle.procedure;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The procedure's steps: the keys of the deployed process definitions (regularisation, appointment, ...). */
@Component
class Steps {
    private final RepositoryService repository;
    private volatile Set<String> known = Set.of();

    Steps(RepositoryService repository) {
        this.repository = repository;
    }

    /** Refuses (400, naming {@code step}) a step no model defines; a deployment since the last look is seen. */
    void require(String step) {
        if (known.contains(step)) {
            return;
        }
        known = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey)
                .collect(Collectors.toUnmodifiableSet());
        if (!known.contains(step)) {
            throw TaskListQuery.invalid(Map.of(
                    "step",
                    fr.passerelle.web.InputRefusal.Fault.of(
                            "not_choice",
                            "must be one of {0}",
                            known.stream().sorted().collect(Collectors.joining(", ")))));
        }
    }
}
