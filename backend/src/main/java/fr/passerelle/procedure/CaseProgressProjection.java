package fr.passerelle.procedure;

import fr.passerelle.cases.CaseOutcome;
import fr.passerelle.cases.CaseProgress;
import fr.passerelle.cases.CaseStatus;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.AssociationTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Makes the case follow its procedure (status, step, outcome and the dates the procedure learns)
 * inside the engine's command, like the task read model ({@link OpenTaskProjection}): the engine's
 * history events say which process of the case started or ended and which variable was set; what
 * one command brings is gathered and written once, when the command closes, before the engine
 * flushes, on the same transaction, whichever thread runs it (a request, the job executor).
 * <p>Where each fact becomes known (processes/README.md, the contract):
 * <ul>
 * <li>a called procedure starting is the case's step: appointment, filing, decision (the file is
 * examined), commission-hearing, appeal-gracious, appeal-hierarchical, appeal-contentious;
 * <li>{@code appointmentDate} (appointment), {@code filingDate} (filing, or the main process of a renewal
 * case, which starts at the renewal's filing: the case is filed),
 * {@code receiptValidUntil} (receipt: the récépissé's end);
 * <li>{@code decisionOutcome} with {@code decisionNotifiedDate} (decision, or the main process for
 * a decision notified later): granted, refused, refused with an OQTF, implicit refusal (its date
 * computed by the model), a referral to the commission (a step, not an outcome);
 * <li>{@code judgmentOutcome} with {@code judgmentDate} (appeal-contentious): an annulment is an
 * appeal won, a rejection an appeal lost; {@code administrativeAppealOutcome = ACCEPTED} with
 * {@code administrativeAppealAnswerDate} (the administrative appeals) is an appeal won;
 * <li>{@code proceedWithApplication = false} (the main process's triage): withdrawn;
 * <li>the main process ending: the case is closed.
 * </ul>
 * An OQTF's own follow-up (regularisation's {@code oqtfOutsideDecision}: an OQTF recorded at a step where
 * no decision was awaited, e.g. before filing) runs beside the case's step: the decision and appeal it
 * calls do not change the case's step or status; its judgment is an outcome (appeal won or lost) of the
 * case, and an OQTF alone ({@code decisionOutcome = OQTF}) is no decision on the application.
 */
@Component
class CaseProgressProjection extends AbstractProcessEnginePlugin {
    /** The main process's call activities of an OQTF's own follow-up. */
    private static final Set<String> OQTF_FOLLOW_UP = Set.of("callOqtfDecision", "callOqtfContentiousAppeal");

    private static final Map<String, CaseStatus> STEPS = Map.of(
            "appointment", CaseStatus.APPOINTMENT,
            "filing", CaseStatus.APPOINTMENT,
            "decision", CaseStatus.UNDER_REVIEW,
            "commission-hearing", CaseStatus.COMMISSION,
            "appeal-gracious", CaseStatus.APPEAL,
            "appeal-hierarchical", CaseStatus.APPEAL,
            "appeal-contentious", CaseStatus.APPEAL);

    private final CaseProgress progress;
    private final AssociationScope scope;
    private final Map<CommandContext, Map<String, Pending>> open = new IdentityHashMap<>();

    CaseProgressProjection(CaseProgress progress, AssociationScope scope) {
        this.progress = progress;
        this.scope = scope;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                CaseProgressProjection.this.handle(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
    }

    /** What one command learnt about one case. */
    private static final class Pending {
        final String tenant;
        String step;
        CaseStatus status;
        boolean ended;
        final Map<String, Object> variables = new LinkedHashMap<>();
        final List<String> outcomeOrder = new ArrayList<>();

        Pending(String tenant) {
            this.tenant = tenant;
        }
    }

    private void handle(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity instance) {
            boolean start =
                    HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType());
            boolean end = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType());
            String key = instance.getProcessDefinitionKey();
            if (start && CaseProcedure.MAIN_PROCESS.equals(key)) {
                pending(instance.getBusinessKey(), instance.getTenantId(), p -> {
                    p.step = "preparation";
                    p.status = CaseStatus.PREPARATION;
                });
            } else if (start && STEPS.containsKey(key) && !besideTheStep(instance.getProcessInstanceId())) {
                pending(instance.getBusinessKey(), instance.getTenantId(), p -> {
                    p.step = key;
                    p.status = STEPS.get(key);
                });
            } else if (end && CaseProcedure.MAIN_PROCESS.equals(key)) {
                pending(instance.getBusinessKey(), instance.getTenantId(), p -> p.ended = true);
            }
        } else if (event instanceof HistoricVariableUpdateEventEntity variable
                && variable.getProcessInstanceId() != null
                && !HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName().equals(variable.getEventType())) {
            String name = variable.getVariableName();
            if (!watched(variable.getProcessDefinitionKey(), name)) {
                return;
            }
            Object value = "boolean".equals(variable.getSerializerName())
                    ? (variable.getLongValue() == null ? null : variable.getLongValue() == 1L)
                    : variable.getTextValue();
            ExecutionEntity execution = Context.getCommandContext()
                    .getExecutionManager()
                    .findExecutionById(variable.getProcessInstanceId());
            if (execution == null) {
                return;
            }
            String recorded = name.startsWith("judgment") && besideTheStep(variable.getProcessInstanceId())
                    ? "oqtfJ" + name.substring(1)
                    : name;
            pending(execution.getBusinessKey(), variable.getTenantId(), p -> {
                p.variables.put(recorded, value);
                if (recorded.endsWith("Outcome") || recorded.equals("proceedWithApplication")) {
                    p.outcomeOrder.remove(recorded);
                    p.outcomeOrder.add(recorded);
                }
            });
        }
    }

    /** Whether a process instance was called by an OQTF's own follow-up, beside the case's step. */
    private static boolean besideTheStep(String processInstanceId) {
        ExecutionEntity instance =
                Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        ExecutionEntity caller = instance == null ? null : instance.getSuperExecution();
        return caller != null && OQTF_FOLLOW_UP.contains(caller.getActivityId());
    }

    private static boolean watched(String process, String name) {
        return switch (name) {
            case "appointmentDate" -> "appointment".equals(process);
            // a renewal case's main process starts with its filing date (regularisation's renewalStartGateway)
            case "filingDate" -> "filing".equals(process) || CaseProcedure.MAIN_PROCESS.equals(process);
            case "receiptValidUntil" -> "receipt".equals(process);
            case "decisionOutcome", "decisionNotifiedDate" ->
                "decision".equals(process) || CaseProcedure.MAIN_PROCESS.equals(process);
            case "judgmentOutcome", "judgmentDate" -> "appeal-contentious".equals(process);
            case "administrativeAppealOutcome", "administrativeAppealAnswerDate" ->
                "appeal-gracious".equals(process) || "appeal-hierarchical".equals(process);
            case "proceedWithApplication", "caseReopened", "closingKind" -> CaseProcedure.MAIN_PROCESS.equals(process);
            default -> false;
        };
    }

    private void pending(String businessKey, String tenant, java.util.function.Consumer<Pending> change) {
        if (businessKey == null || tenant == null || caseId(businessKey) == null) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return;
        }
        Map<String, Pending> cases;
        synchronized (open) {
            cases = open.get(context);
            if (cases == null) {
                cases = new LinkedHashMap<>();
                open.put(context, cases);
                Map<String, Pending> gathered = cases;
                context.registerCommandContextListener(new CommandContextListener() {
                    @Override
                    public void onCommandContextClose(CommandContext closing) {
                        forget(closing);
                        gathered.forEach((key, p) -> write(caseId(key), p));
                    }

                    @Override
                    public void onCommandFailed(CommandContext failed, Throwable cause) {
                        forget(failed);
                    }
                });
            }
        }
        change.accept(cases.computeIfAbsent(businessKey, key -> new Pending(tenant)));
    }

    private void forget(CommandContext context) {
        synchronized (open) {
            open.remove(context);
        }
    }

    private void write(UUID caseId, Pending p) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AssociationTime.ZONE);
        List<CaseProgress.Change.Outcome> outcomes = new ArrayList<>();
        CaseStatus status = p.status;
        for (String name : p.outcomeOrder) {
            Object value = p.variables.get(name);
            switch (name) {
                case "decisionOutcome" -> {
                    LocalDate on = date(p.variables.get("decisionNotifiedDate"), today);
                    if ("COMMISSION_REFERRAL".equals(value) || "OQTF".equals(value)) {
                        // a step, not an outcome; an OQTF alone is no decision on the application
                        status = "OQTF".equals(value) ? status : CaseStatus.COMMISSION;
                    } else if ("GRANTED".equals(value)) {
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.GRANTED, on));
                        status = CaseStatus.GRANTED;
                    } else if ("REFUSED_WITH_OQTF".equals(value) || "IMPLICIT_REFUSAL".equals(value)) {
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.valueOf((String) value), on));
                        status = CaseStatus.REFUSED;
                    } else if (value != null) {
                        // the decision model treats an unknown outcome as a refusal too
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.REFUSED, on));
                        status = CaseStatus.REFUSED;
                    }
                }
                case "judgmentOutcome" -> {
                    LocalDate on = date(p.variables.get("judgmentDate"), today);
                    if ("REJECTED".equals(value)) {
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.APPEAL_LOST, on));
                        status = CaseStatus.REFUSED;
                    } else if (value != null && value.toString().startsWith("ANNULMENT")) {
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.APPEAL_WON, on));
                    }
                }
                case "oqtfJudgmentOutcome" -> {
                    LocalDate on = date(p.variables.get("oqtfJudgmentDate"), today);
                    if ("REJECTED".equals(value)) {
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.APPEAL_LOST, on));
                    } else if (value != null && value.toString().startsWith("ANNULMENT")) {
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.APPEAL_WON, on));
                    }
                }
                case "administrativeAppealOutcome" -> {
                    if ("ACCEPTED".equals(value)) {
                        outcomes.add(new CaseProgress.Change.Outcome(
                                CaseOutcome.APPEAL_WON,
                                date(p.variables.get("administrativeAppealAnswerDate"), today)));
                    }
                }
                case "proceedWithApplication" -> {
                    if (Boolean.FALSE.equals(value)) {
                        outcomes.add(new CaseProgress.Change.Outcome(CaseOutcome.WITHDRAWN, today));
                        status = CaseStatus.CLOSED;
                    }
                }
                default -> {}
            }
        }
        LocalDate filedOn = date(p.variables.get("filingDate"), null);
        if (filedOn != null
                && (status == null || status == CaseStatus.APPOINTMENT || status == CaseStatus.PREPARATION)) {
            status = CaseStatus.FILED;
        }
        boolean reopened = Boolean.TRUE.equals(p.variables.get("caseReopened"));
        String step = p.step;
        if (reopened) {
            // a closed case reopened by an OQTF (CaseEvents): its own follow-up, not a new preparation
            step = null;
            status = status == null || status == CaseStatus.PREPARATION ? CaseStatus.REFUSED : status;
        }
        if (p.ended) {
            status = CaseStatus.CLOSED;
        }
        CaseProgress.Change change = new CaseProgress.Change(
                step,
                status,
                date(p.variables.get("appointmentDate"), null),
                filedOn,
                date(p.variables.get("receiptValidUntil"), null),
                CaseProgress.distinct(outcomes),
                p.ended ? today : null);
        boolean reopen = reopened && !p.ended;
        Object closingKind = p.variables.get("closingKind");
        scope.run(p.tenant, () -> {
            if (reopen) {
                progress.reopen(caseId);
            }
            if (closingKind instanceof String reason) {
                progress.closedFor(caseId, reason);
            }
            progress.apply(caseId, change, ClockUtil.getCurrentTime().toInstant());
        });
    }

    /** An ISO date, or the date part of an ISO date-time; the fallback when absent or unreadable. */
    static LocalDate date(Object value, LocalDate fallback) {
        if (!(value instanceof String text) || text.length() < 10) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException notADate) {
            return fallback;
        }
    }

    private static UUID caseId(String businessKey) {
        try {
            return UUID.fromString(businessKey);
        } catch (IllegalArgumentException notACase) {
            return null;
        }
    }
}
