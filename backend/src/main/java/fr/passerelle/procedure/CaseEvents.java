package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.audit.Audit;
import fr.passerelle.tenancy.Tenancy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Records an outside event on a case and delivers it to the process step waiting for it. */
@Service
class CaseEvents {
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Audit audit;
    private final Map<CaseEvent, TaskForm> forms = new ConcurrentHashMap<>();

    CaseEvents(RuntimeService runtime, ObjectMapper json, Audit audit) {
        this.runtime = runtime;
        this.json = json;
        this.audit = audit;
    }

    @Transactional
    void record(UUID caseId, String eventPath, Map<String, Object> data) {
        CaseEvent event = CaseEvent.ofPath(eventPath).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No case event '" + eventPath + "'; known: " + Arrays.stream(CaseEvent.values())
                        .map(CaseEvent::path).collect(Collectors.joining(", "))));
        Tenancy.current().requireAnyOf(event.recordedBy());
        ProcessInstance main = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey(CaseProcedure.MAIN_PROCESS).singleResult();
        if (main == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId + " in progress");
        }
        Map<String, Object> variables = form(event).validate(data,
                name -> runtime.getVariable(main.getId(), name), ProcessTasks.today());
        try {
            var correlation = runtime.createMessageCorrelation(event.message())
                    .processInstanceBusinessKey(caseId.toString())
                    .setVariables(variables);
            event.correlatedOn().ifPresent(name -> correlation.processInstanceVariableEquals(name, variables.get(name)));
            correlation.correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "The case is not waiting for '" + event.path() + "' at this step");
        }
        audit.changed(caseId, "EVENT_" + event.name(), variables.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + Objects.toString(entry.getValue()))
                .collect(Collectors.joining(", ")));
    }

    private TaskForm form(CaseEvent event) {
        return forms.computeIfAbsent(event, e -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(e.form())) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + e.form() + " in the processes jar");
                }
                return TaskForm.of(json.readTree(in));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }
}
