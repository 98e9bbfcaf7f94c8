package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.audit.Audit;
import fr.passerelle.deadlines.Deadline;
import fr.passerelle.deadlines.DeadlineRule;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.processes.CaseRules;
import fr.passerelle.tenancy.Tenancy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Records an outside event on a case and delivers it to the process step waiting for it
 * (processes/README.md, "Case events"): one receiver per message at a time, except
 * {@code LibertyRestricted}, delivered to every instance of the case that waits for it.
 */
@Service
class CaseEvents {
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Audit audit;
    private final LegalDeadlines deadlines;
    private final Map<CaseEvent, TaskForm> forms = new ConcurrentHashMap<>();

    CaseEvents(RuntimeService runtime, ObjectMapper json, Audit audit, LegalDeadlines deadlines) {
        this.runtime = runtime;
        this.json = json;
        this.audit = audit;
        this.deadlines = deadlines;
    }

    /** What the event did: the message delivered, and for a decision the deadline it starts. */
    record Recorded(String event, String message, int delivered, Map<String, Object> deadline) {}

    @Transactional
    Recorded record(UUID caseId, String eventPath, Map<String, Object> data) {
        CaseEvent event = CaseEvent.ofPath(eventPath)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "No case event '" + eventPath + "'; known: "
                                + Arrays.stream(CaseEvent.values())
                                        .map(CaseEvent::path)
                                        .collect(Collectors.joining(", "))));
        Tenancy.current().requireAnyOf(event.recordedBy());
        String key = caseId.toString();
        ProcessInstance main = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKey(CaseProcedure.MAIN_PROCESS)
                .singleResult();
        if (main == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId + " in progress");
        }
        Map<String, Object> variables =
                form(event).validate(data, name -> runtime.getVariable(main.getId(), name), ProcessTasks.today());
        Map<String, Object> delivered = new HashMap<>(variables);
        String message = event.message();
        if (event == CaseEvent.ADMINISTRATIVE_APPEAL_ANSWERED
                && "REJECTED_WITH_OQTF".equals(variables.get("administrativeAppealOutcome"))) {
            // the answer is a new decision, with an OQTF and its own deadline (L911-1, L921-1, L921-2 CESEDA)
            message = CaseEvent.LATER_DECISION;
            delivered = laterOqtf(variables);
        } else if (event == CaseEvent.DECISION_NOTIFIED && !waitsFor(key, event.message())) {
            if ("COMMISSION_REFERRAL".equals(variables.get("decisionOutcome"))) {
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "A referral to the commission is recorded"
                                + " while the decision is awaited; the case is not waiting for a decision at this step");
            }
            if ("REFUSED".equals(variables.get("decisionOutcome"))
                    && waitsFor(key, CaseEvent.REFUSAL_DURING_PROCEEDINGS)) {
                // The court already holds an appeal: the explicit refusal stands in for the implicit one it
                // challenges (CE, 8 juin 2011, n° 329537), or is a new decision to add to the conclusions in
                // its own 2 months (R421-1 CJA). The proceedings go on; the lawyer produces it.
                message = CaseEvent.REFUSAL_DURING_PROCEEDINGS;
                delivered = new HashMap<>();
                delivered.put("laterRefusalNotifiedDate", variables.get("decisionNotifiedDate"));
            } else {
                message = CaseEvent.LATER_DECISION;
                // a decision replaces the previous one: what it does not say is not kept from it
                for (String name : List.of(
                        "oqtfKind", "oqtfNotifiedAt", "printedDeadline", "notificationMode", "letterCollectedDate")) {
                    delivered.putIfAbsent(name, null);
                }
            }
        }
        if (message.equals(CaseEvent.LATER_DECISION) && runtime.getVariable(main.getId(), "filingDate") == null) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "The case is not waiting for '" + event.path() + "' at this step: the application is not filed");
        }
        int count;
        try {
            var correlation = runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(key)
                    .setVariables(delivered);
            if (message.equals(CaseEvent.LATER_DECISION)) {
                correlation.processInstanceId(main.getId());
            }
            if (!message.equals(CaseEvent.LATER_DECISION)) {
                event.correlatedOn()
                        .ifPresent(name -> correlation.processInstanceVariableEquals(name, variables.get(name)));
            }
            if (event == CaseEvent.LIBERTY_RESTRICTED) {
                List<MessageCorrelationResult> results = correlation.correlateAllWithResult();
                if (results.isEmpty()) {
                    throw new MismatchingMessageCorrelationException(message, "no instance waits for it");
                }
                count = results.size();
            } else {
                correlation.correlateWithResult();
                count = 1;
            }
        } catch (MismatchingMessageCorrelationException e) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "The case is not waiting for '" + event.path() + "' at this step");
        }
        audit.changed(
                caseId,
                "EVENT_" + event.name(),
                variables.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + Objects.toString(entry.getValue()))
                        .collect(Collectors.joining(", ")));
        Object department = runtime.getVariable(main.getId(), "department");
        var decision = message.equals(CaseEvent.REFUSAL_DURING_PROCEEDINGS) ? variables : delivered;
        return new Recorded(event.path(), message, count, deadline(decision, department));
    }

    private boolean waitsFor(String businessKey, String message) {
        return runtime.createExecutionQuery()
                        .processInstanceBusinessKey(businessKey)
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
    }

    /** An administrative appeal rejected with an OQTF, as the decision the main process handles. */
    private static Map<String, Object> laterOqtf(Map<String, Object> answer) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("decisionOutcome", "REFUSED_WITH_OQTF");
        decision.put("decisionNotifiedDate", answer.get("administrativeAppealAnswerDate"));
        decision.put("oqtfKind", answer.get("oqtfKind"));
        decision.put(
                "oqtfNotifiedAt",
                answer.get("oqtfNotifiedAt") != null
                        ? answer.get("oqtfNotifiedAt")
                        : answer.get("administrativeAppealAnswerDate"));
        decision.put("printedDeadline", null);
        decision.put("answeredAdministrativeAppealKind", answer.get("administrativeAppealKind"));
        return decision;
    }

    /**
     * For a refusal: the contentious deadline it starts, counted as the main process will (an OQTF
     * by its regime from its notification, unknown regime: 48 hours; a refusal 2 months from the
     * notification), and whether the deadline printed on the decision ({@code printedDeadline},
     * R421-5 CJA) is that day. Null for other events.
     */
    Map<String, Object> deadline(Map<String, Object> decision, Object department) {
        Object outcome = decision.get("decisionOutcome");
        if (!"REFUSED".equals(outcome) && !"REFUSED_WITH_OQTF".equals(outcome)) {
            return null;
        }
        DeadlineRule rule = DeadlineRule.valueOf(CaseRules.contentiousRule(outcome, decision.get("oqtfKind")));
        Object from = decision.get("decisionNotifiedDate");
        if ("REFUSED_WITH_OQTF".equals(outcome) && decision.get("oqtfNotifiedAt") != null) {
            from = decision.get("oqtfNotifiedAt");
        }
        if (from == null) {
            return null;
        }
        String text = from.toString();
        LocalDateTime start = text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        Deadline computed =
                deadlines.compute(rule, start, department instanceof String code && !code.isBlank() ? code : "75");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rule", rule.name());
        answer.put("from", text);
        answer.put("date", computed.date().toString());
        answer.put("endsAt", computed.endsAt().toOffsetDateTime().toString());
        answer.put("explanation", computed.explanation());
        answer.put("source", computed.source());
        Object printed = decision.get("printedDeadline");
        answer.put("printedDeadline", printed);
        answer.put(
                "printedDeadlineDiffers",
                printed != null
                        && !printed.toString().isBlank()
                        && !printed.toString().startsWith(computed.date().toString()));
        return answer;
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
