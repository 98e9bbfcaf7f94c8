package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.audit.Audit;
import fr.passerelle.deadlines.Deadline;
import fr.passerelle.deadlines.DeadlineRule;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.processes.CaseRules;
import fr.passerelle.processes.OqtfRegime;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an outside event on a case and delivers it to the process step waiting for it
 * (processes/README.md, "Case events"): one receiver per message at a time, except
 * {@code LibertyRestricted}, delivered to every instance of the case that waits for it, and a decision
 * that is two things at once (a refusal with an OQTF while the court holds the appeal against the refusal,
 * an administrative appeal rejected with an OQTF): each part to its receiver, in one transaction.
 */
@Service
class CaseEvents {
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ObjectMapper json;
    private final Audit audit;
    private final LegalDeadlines deadlines;
    private final Map<CaseEvent, TaskForm> forms = new ConcurrentHashMap<>();

    CaseEvents(
            RuntimeService runtime, HistoryService history, ObjectMapper json, Audit audit, LegalDeadlines deadlines) {
        this.runtime = runtime;
        this.history = history;
        this.json = json;
        this.audit = audit;
        this.deadlines = deadlines;
    }

    /**
     * What the event did: the message delivered (the first, when it goes to several receivers: an OQTF
     * during a court appeal is both a decision for the appeal and an OQTF with its own follow-up), to how
     * many executions in all, and for a refusal or an OQTF the deadline it starts.
     */
    record Recorded(String event, String message, int delivered, Map<String, Object> deadline) {}

    /** One message to deliver: by business key, to one instance when {@code instanceId} is set. */
    private record Delivery(
            String message, Map<String, Object> variables, String instanceId, boolean toTriggeredScope) {
        static Delivery of(String message, Map<String, Object> variables) {
            return new Delivery(message, variables, null, false);
        }
    }

    @Transactional
    Recorded record(UUID caseId, String eventPath, Map<String, Object> data) {
        CaseEvent event = CaseEvent.ofPath(eventPath)
                .orElseThrow(() -> Problem.notFound("case_event_unknown", eventPath, CaseEvent.known()));
        Tenancy.current().requireAnyOf(event.recordedBy());
        String key = caseId.toString();
        ProcessInstance main = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKey(CaseProcedure.MAIN_PROCESS)
                .singleResult();
        if (main == null) {
            return reopened(caseId, event, data);
        }
        Map<String, Object> variables =
                form(event).validate(data, name -> runtime.getVariable(main.getId(), name), ProcessTasks.today());
        List<Delivery> deliveries;
        Map<String, Object> decision = null;
        Object implicitRefusal = Boolean.TRUE.equals(runtime.getVariable(main.getId(), "implicitRefusalBorn"))
                ? runtime.getVariable(main.getId(), "implicitRefusalDate")
                : null;
        if (event == CaseEvent.DECISION_NOTIFIED) {
            decision = normalisedDecision(variables);
            deliveries = decisionDeliveries(key, main, event, decision);
        } else if (event == CaseEvent.ADMINISTRATIVE_APPEAL_ANSWERED
                && "REJECTED_WITH_OQTF".equals(variables.get("administrativeAppealOutcome"))) {
            // a rejection of the appeal, and an OQTF with its own deadline (L911-1, L921-1, L921-2 CESEDA)
            decision = answeredOqtf(variables);
            deliveries = new ArrayList<>();
            String kind = String.valueOf(variables.get("administrativeAppealKind"));
            if (runtime.createExecutionQuery()
                            .processInstanceBusinessKey(key)
                            .messageEventSubscriptionName(event.message())
                            .processVariableValueEquals("administrativeAppealKind", kind)
                            .count()
                    > 0) {
                deliveries.add(Delivery.of(event.message(), variables));
            }
            deliveries.add(oqtf(main, decision));
        } else if (event == CaseEvent.CONVOCATION_RECEIVED
                && !waitsFor(key, event.message())
                && waitsFor(key, CaseEvent.DECISION)) {
            deliveries = List.of(Delivery.of(CaseEvent.DECISION, referral(variables)));
        } else if (event == CaseEvent.LEGAL_AID_REQUESTED && !waitsFor(key, event.message())) {
            return legalAidKeptForTheAppeal(caseId, main, event, variables);
        } else if (event == CaseEvent.LEGAL_AID_REQUESTED) {
            String appeal = applicationAppeal(key);
            deliveries = List.of(new Delivery(
                    event.message(),
                    variables,
                    appeal != null && waitsIn(appeal, event.message()) ? appeal : null,
                    false));
        } else {
            deliveries = List.of(Delivery.of(event.message(), variables));
        }
        int count = 0;
        for (Delivery delivery : deliveries) {
            count += deliver(key, event, delivery, variables);
        }
        audit.changed(
                caseId,
                "EVENT_" + event.name(),
                variables.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + Objects.toString(entry.getValue()))
                        .collect(Collectors.joining(", ")));
        Object department = runtime.getVariable(main.getId(), "department");
        Map<String, Object> deadline = decision == null ? null : deadline(decision, department);
        if (deadline != null && "REFUSED".equals(decision.get("decisionOutcome")) && implicitRefusal != null) {
            afterImplicitRefusal(deadline, implicitRefusal.toString(), department);
        }
        return new Recorded(event.path(), deliveries.get(0).message(), count, deadline);
    }

    /**
     * A convocation to the commission received while the decision is awaited: the prefect referred the case
     * to the commission (L432-13 CESEDA) and the convocation is how it became known; the referral is
     * recorded with it, and the hearing's follow-up starts with the convocation's dates (it checks the
     * 15 days of L432-15 at once).
     */
    private static Map<String, Object> referral(Map<String, Object> convocation) {
        Map<String, Object> referral = new HashMap<>();
        referral.put("decisionOutcome", "COMMISSION_REFERRAL");
        referral.put("decisionNotifiedDate", convocation.get("convocationReceivedDate"));
        referral.put("referralConvocationReceivedDate", convocation.get("convocationReceivedDate"));
        referral.put("referralMeetingDate", convocation.get("meetingDate"));
        return referral;
    }

    /**
     * Legal aid asked while no contentious appeal waits for it: after a refusal whose appeal is still to be
     * decided (a deadline is known and no appeal runs yet), it is kept on the case and handed to the appeal
     * when it starts (sent by the last day, it interrupts the deadline, décret n° 2020-1717 art. 43); else
     * the case is not at a step where it counts (409).
     */
    private Recorded legalAidKeptForTheAppeal(
            UUID caseId, ProcessInstance main, CaseEvent event, Map<String, Object> variables) {
        String key = caseId.toString();
        boolean appealRunning = runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(key)
                        .processDefinitionKey("appeal-contentious")
                        .count()
                > 0;
        if (appealRunning || runtime.getVariable(main.getId(), "contentiousAppealRule") == null) {
            throw Problem.conflict("event_not_awaited", event.path());
        }
        Map<String, Object> kept = new HashMap<>();
        kept.put("legalAidRequestedDate", variables.get("legalAidRequestedDate"));
        kept.put("legalAidOffice", variables.get("legalAidOffice"));
        runtime.setVariables(main.getId(), kept);
        audit.changed(caseId, "EVENT_" + event.name(), "legalAidRequestedDate=" + kept.get("legalAidRequestedDate"));
        return new Recorded(event.path(), event.message(), 1, null);
    }

    /**
     * An event on a case whose procedure has ended: an OQTF (alone or with a refusal) reopens its follow-up,
     * for its deadline runs whatever the case came to (L911-1, L921-1, L921-2 CESEDA): a new main process
     * of the case, entered straight at the OQTF's own follow-up ({@code oqtfOutsideDecision}), with the
     * OQTF's variables in that follow-up's scope as when it is correlated. Anything else: 404 for a case
     * never started, 409 for a closed one.
     */
    private Recorded reopened(UUID caseId, CaseEvent event, Map<String, Object> data) {
        String key = caseId.toString();
        HistoricProcessInstance closed = history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKey(CaseProcedure.MAIN_PROCESS)
                .orderByProcessInstanceEndTime()
                .desc()
                .listPage(0, 1)
                .stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("case_not_in_progress", caseId));
        Map<String, Object> variables =
                form(event).validate(data, name -> closedVariable(closed, name), ProcessTasks.today());
        if (event != CaseEvent.DECISION_NOTIFIED || !OqtfRegime.isOqtf(variables.get("decisionOutcome"))) {
            throw Problem.conflict("case_closed_only_oqtf", event.path());
        }
        Map<String, Object> decision = normalisedDecision(variables);
        Map<String, Object> start = new HashMap<>();
        start.put("caseId", key);
        start.put("department", closedVariable(closed, "department"));
        start.put("onlineFiling", closedVariable(closed, "onlineFiling"));
        start.put("caseReopened", true);
        runtime.createProcessInstanceByKey(CaseProcedure.MAIN_PROCESS)
                .businessKey(key)
                .setVariables(start)
                .startTransition(OQTF_FOLLOW_UP_ENTRY)
                .setVariablesLocal(oqtf(null, decision).variables())
                .execute();
        audit.changed(
                caseId,
                "EVENT_" + event.name(),
                variables.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + Objects.toString(entry.getValue()))
                        .collect(Collectors.joining(", ")));
        return new Recorded(event.path(), CaseEvent.OQTF_NOTIFIED, 1, deadline(decision, start.get("department")));
    }

    /** What an OQTF's own follow-up is given (to its scope only). */
    private static final List<String> OQTF_VARIABLES = List.of(
            "decisionOutcome",
            "decisionNotifiedDate",
            "notificationMode",
            "letterCollectedDate",
            "printedDeadline",
            "oqtfKind",
            "oqtfNotifiedAt",
            "answeredAdministrativeAppealKind");

    /** The flow from the start of the OQTF's own follow-up (regularisation, {@code oqtfOutsideDecision}). */
    static final String OQTF_FOLLOW_UP_ENTRY = "Flow_oqtfNotifiedOutside_oqtfTrackFork";

    private Object closedVariable(HistoricProcessInstance closed, String name) {
        var found = history.createHistoricVariableInstanceQuery()
                .processInstanceId(closed.getId())
                .variableName(name)
                .list();
        return found.stream()
                .filter(variable -> variable.getActivityInstanceId() == null
                        || variable.getActivityInstanceId().equals(closed.getId()))
                .map(variable -> variable.getValue())
                .findFirst()
                .orElse(found.isEmpty() ? null : found.get(0).getValue());
    }

    /**
     * An explicit refusal after an implicit one restarts the delay only within the implicit refusal's own
     * delay (R421-2 CJA): both dates are given ({@code implicitRefusalDeadline}, {@code
     * explicitRefusalDeadline}); when the explicit refusal came after it, it may be only confirmative
     * ({@code explicitRefusalConfirmative}) and the deadline shown is the earlier, the implicit refusal's.
     */
    private void afterImplicitRefusal(Map<String, Object> deadline, String implicitRefusalDate, Object department) {
        Deadline implicit = deadlines.compute(
                DeadlineRule.CONTENTIOUS_APPEAL,
                LocalDate.parse(implicitRefusalDate.substring(0, 10)),
                department instanceof String code && !code.isBlank() ? code : "75");
        LocalDate explicitNotified =
                LocalDate.parse(deadline.get("from").toString().substring(0, 10));
        boolean confirmative = explicitNotified.isAfter(implicit.date());
        deadline.put("implicitRefusalDeadline", implicit.date().toString());
        deadline.put("explicitRefusalDeadline", deadline.get("date"));
        deadline.put("explicitRefusalConfirmative", confirmative);
        if (confirmative) {
            deadline.put("date", implicit.date().toString());
            deadline.put("endsAt", implicit.endsAt().toOffsetDateTime().toString());
            deadline.put(
                    "explanation",
                    "Refus explicite notifié après l'expiration du délai de recours contre le refus implicite"
                            + " (" + implicit.date() + ") : il peut n'être que confirmatif (R421-2 CJA) ; agir par"
                            + " la date la plus proche. Refus implicite : " + implicit.explanation()
                            + " Refus explicite : " + deadline.get("explanation"));
            deadline.put("source", deadline.get("source") + "; R421-2 CJA");
        }
    }

    /**
     * Where a decision goes (processes/README.md, "Case events"): an OQTF alone, always its own follow-up
     * in the main process; any other decision to the {@code decision} instance that waits for it; else,
     * while the court holds the appeal against the refusal, added to that appeal (never replacing it),
     * an OQTF with its own follow-up beside; else a grant or a refusal to the main process (after
     * filing), a refusal with an OQTF to its own follow-up, at any step.
     */
    private List<Delivery> decisionDeliveries(
            String key, ProcessInstance main, CaseEvent event, Map<String, Object> decision) {
        Object outcome = decision.get("decisionOutcome");
        if ("OQTF".equals(outcome)) {
            return List.of(oqtf(main, decision));
        }
        if (waitsFor(key, event.message())) {
            return List.of(Delivery.of(event.message(), decision));
        }
        if ("COMMISSION_REFERRAL".equals(outcome)) {
            throw Problem.conflict("commission_referral_not_awaited");
        }
        boolean filed = runtime.getVariable(main.getId(), "filingDate") != null;
        String appeal = applicationAppeal(key);
        List<Delivery> deliveries = new ArrayList<>();
        if (!"GRANTED".equals(outcome) && appeal != null) {
            // The court already holds the appeal against the refusal: the explicit refusal stands in for the
            // implicit one it challenges (CE, 8 juin 2011, n° 329537), or is a new decision to add to the
            // conclusions in its own 2 months (R421-1 CJA). The proceedings go on.
            if (waitsIn(appeal, CaseEvent.REFUSAL_DURING_PROCEEDINGS)) {
                Map<String, Object> refusal = new HashMap<>();
                refusal.put("laterRefusalNotifiedDate", decision.get("decisionNotifiedDate"));
                deliveries.add(new Delivery(CaseEvent.REFUSAL_DURING_PROCEEDINGS, refusal, appeal, false));
            } else {
                Map<String, Object> added = new HashMap<>();
                added.put("laterDecisionOutcome", outcome);
                added.put("laterDecisionNotifiedDate", decision.get("decisionNotifiedDate"));
                deliveries.add(new Delivery(CaseEvent.DECISION_DURING_APPEAL, added, main.getId(), false));
            }
        } else if (!OqtfRegime.isOqtf(outcome)) {
            if (!filed) {
                throw Problem.conflict("event_before_filing", event.path());
            }
            // a decision replaces the previous one: what it does not say is not kept from it
            Map<String, Object> later = new HashMap<>(decision);
            for (String name : List.of(
                    "oqtfKind", "oqtfNotifiedAt", "printedDeadline", "notificationMode", "letterCollectedDate")) {
                later.putIfAbsent(name, null);
            }
            if ("GRANTED".equals(outcome)) {
                later.putAll(interruptedReceipt(key));
            }
            Optional<Delivery> oqtf = runningOqtf(main);
            deliveries.add(new Delivery(CaseEvent.LATER_DECISION, later, main.getId(), false));
            oqtf.ifPresent(deliveries::add);
        }
        if (OqtfRegime.isOqtf(outcome)) {
            deliveries.add(0, oqtf(main, decision));
        }
        return deliveries;
    }

    /**
     * A grant recorded later interrupts the main process's procedure, and with it the récépissé follow-up;
     * the récépissé covers the stay until the card is collected (R431-12 CESEDA), so the follow-up resumes
     * from its last document ({@code receiptFollowUpInterrupted}, {@code receiptType}, {@code receiptNumber},
     * {@code receiptValidUntil}: regularisation's {@code receiptResumeGateway}).
     */
    private Map<String, Object> interruptedReceipt(String key) {
        Map<String, Object> receipt = new HashMap<>();
        ProcessInstance running = runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKey("receipt")
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        receipt.put("receiptFollowUpInterrupted", running != null);
        if (running != null) {
            for (String name : List.of("receiptType", "receiptNumber", "receiptValidUntil")) {
                receipt.put(name, runtime.getVariable(running.getId(), name));
            }
        }
        return receipt;
    }

    /**
     * A later decision (a grant, a refusal) replaces the one the main process's procedure holds; when that
     * was a refusal with an OQTF not judged yet, the OQTF still runs (its delay, L911-1, L921-1, L921-2
     * CESEDA; whether a grant abrogated it is for the lawyer to say): it gets its own follow-up, as an OQTF
     * alone, before the procedure is interrupted.
     */
    private Optional<Delivery> runningOqtf(ProcessInstance main) {
        List<String> holders = new ArrayList<>();
        if (runtime.getVariable(main.getId(), "judgmentOutcome") == null) {
            holders.add(main.getId());
        }
        // the refusal's own decision instance, its OQTF's lawyer still sought (not an OQTF's own follow-up,
        // whose decision instance is given no decisionOutcome)
        runtime.createProcessInstanceQuery()
                .superProcessInstanceId(main.getId())
                .processDefinitionKey("decision")
                .list()
                .forEach(decision -> holders.add(decision.getId()));
        String holder = holders.stream()
                .filter(id -> "REFUSED_WITH_OQTF".equals(runtime.getVariable(id, "decisionOutcome")))
                .findFirst()
                .orElse(null);
        if (holder == null) {
            return Optional.empty();
        }
        Map<String, Object> held = new HashMap<>();
        for (String name : OQTF_VARIABLES) {
            held.put(name, runtime.getVariable(holder, name));
        }
        held.put("decisionOutcome", "OQTF");
        return Optional.of(oqtf(main, held));
    }

    /**
     * An OQTF no decision instance waits for: its own follow-up in the main process (event subprocess
     * {@code oqtfOutsideDecision}), its variables given to that follow-up only, so that what else runs
     * keeps its own; every name given, unset ones as null, so that none is read from the case.
     */
    private static Delivery oqtf(ProcessInstance main, Map<String, Object> decision) {
        Map<String, Object> scoped = new HashMap<>();
        for (String name : OQTF_VARIABLES) {
            scoped.put(name, decision.get(name));
        }
        return new Delivery(CaseEvent.OQTF_NOTIFIED, scoped, main == null ? null : main.getId(), true);
    }

    private int deliver(String key, CaseEvent event, Delivery delivery, Map<String, Object> variables) {
        try {
            var correlation =
                    runtime.createMessageCorrelation(delivery.message()).processInstanceBusinessKey(key);
            if (delivery.toTriggeredScope()) {
                correlation.setVariablesToTriggeredScope(delivery.variables());
            } else {
                correlation.setVariables(delivery.variables());
            }
            if (delivery.instanceId() != null) {
                correlation.processInstanceId(delivery.instanceId());
            } else {
                event.correlatedOn()
                        .ifPresent(name -> correlation.processInstanceVariableEquals(name, variables.get(name)));
            }
            if (event == CaseEvent.LIBERTY_RESTRICTED) {
                List<MessageCorrelationResult> results = correlation.correlateAllWithResult();
                if (results.isEmpty()) {
                    throw new MismatchingMessageCorrelationException(delivery.message(), "no instance waits for it");
                }
                return results.size();
            }
            correlation.correlateWithResult();
            return 1;
        } catch (MismatchingMessageCorrelationException e) {
            throw Problem.conflict("event_not_awaited", event.path());
        }
    }

    private boolean waitsFor(String businessKey, String message) {
        return runtime.createExecutionQuery()
                        .processInstanceBusinessKey(businessKey)
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
    }

    private boolean waitsIn(String instanceId, String message) {
        return runtime.createExecutionQuery()
                        .processInstanceId(instanceId)
                        .messageEventSubscriptionName(message)
                        .count()
                > 0;
    }

    /** The running contentious appeal against the refusal of the application (not an OQTF's own), if any. */
    private String applicationAppeal(String businessKey) {
        for (ProcessInstance appeal : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .processDefinitionKey("appeal-contentious")
                .list()) {
            if (!"OQTF".equals(runtime.getVariable(appeal.getId(), "appealAgainst"))) {
                return appeal.getId();
            }
        }
        return null;
    }

    /**
     * The decision as recorded: an OQTF notified by post counts from the first presentation of the letter
     * ({@code decisionNotifiedDate}), never from the day it was collected; handed over, from the hour given,
     * else from the start of the day.
     */
    private static Map<String, Object> normalisedDecision(Map<String, Object> variables) {
        Map<String, Object> decision = new HashMap<>(variables);
        if (OqtfRegime.isOqtf(variables.get("decisionOutcome"))) {
            decision.put("oqtfNotifiedAt", oqtfNotifiedAt(variables, "decisionNotifiedDate"));
        }
        return decision;
    }

    private static Object oqtfNotifiedAt(Map<String, Object> variables, String dayVariable) {
        Object day = variables.get(dayVariable);
        Object at = variables.get("oqtfNotifiedAt");
        return "POST".equals(variables.get("notificationMode")) || at == null ? day : at;
    }

    /** An administrative appeal rejected with an OQTF: the OQTF, with its own follow-up. */
    private static Map<String, Object> answeredOqtf(Map<String, Object> answer) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("decisionOutcome", "OQTF");
        decision.put("decisionNotifiedDate", answer.get("administrativeAppealAnswerDate"));
        decision.put("notificationMode", answer.get("notificationMode"));
        decision.put("oqtfKind", answer.get("oqtfKind"));
        decision.put("oqtfNotifiedAt", oqtfNotifiedAt(answer, "administrativeAppealAnswerDate"));
        decision.put("printedDeadline", null);
        decision.put("answeredAdministrativeAppealKind", answer.get("administrativeAppealKind"));
        return decision;
    }

    /**
     * For a refusal or an OQTF: the contentious deadline it starts, counted as the processes will (an
     * OQTF by the person's situation from its notification, by post the first presentation; a refusal
     * 2 months from the notification), and whether the deadline printed on the decision ({@code printedDeadline},
     * R421-5 CJA) is that day. Null for other events.
     */
    Map<String, Object> deadline(Map<String, Object> decision, Object department) {
        Object outcome = decision.get("decisionOutcome");
        if (!"REFUSED".equals(outcome) && !OqtfRegime.isOqtf(outcome)) {
            return null;
        }
        Object from = decision.get("decisionNotifiedDate");
        if (OqtfRegime.isOqtf(outcome) && decision.get("oqtfNotifiedAt") != null) {
            from = decision.get("oqtfNotifiedAt");
        }
        DeadlineRule rule = DeadlineRule.valueOf(CaseRules.contentiousRule(outcome, decision.get("oqtfKind"), from));
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
