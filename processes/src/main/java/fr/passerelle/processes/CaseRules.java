package fr.passerelle.processes;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The bean {@code caseRules} of regularisation.bpmn: what the main process decides on its
 * variables, with a name and a test instead of a long expression in the model. The legal
 * counting stays in the {@code deadlines} bean (the backend's {@code fr.passerelle.deadlines},
 * the process tests' stand-in), which this class is given.
 *
 * <ul>
 *   <li>{@link #arrestRisk}: a prior OQTF or entry ban known at triage (risk of arrest at the
 *       prefecture counter);
 *   <li>{@link #decided}: a decision is known (from the decision process, or recorded later with
 *       {@code LaterDecisionNotified}): the contentious deadline's rule and start, the deadline
 *       printed on the decision compared with the computed one (R421-5 CJA), and whether the
 *       examination is over (an explicit decision; an implicit refusal leaves it open: CE avis
 *       6 mai 2025 n° 499904);
 *   <li>{@link #oqtfDeadline}: an OQTF's deadline by the person's situation when it is notified
 *       ({@link OqtfRegime}), from its notification (by post, the first presentation);
 *   <li>{@link #restrictionNotified}: a house arrest, a prison term or a retention notified while an
 *       OQTF deadline runs brings it to 7 days or 48 hours from that notification when that ends
 *       earlier (L921-1, L921-2 CESEDA, loi n° 2024-42), never a longer deadline; a restriction counts
 *       only for an OQTF already notified, during its delay ({@link #restrictionShortens});
 *   <li>{@link #oqtfTrack}: an OQTF recorded at a step where no decision is awaited gets its own
 *       follow-up beside the rest of the case;
 *   <li>{@link #awaitsExplicitDecision}, {@link #onlyANotifiedDecision}: after an implicit refusal, "no
 *       appeal for now" waits for the explicit decision (CE avis 6 mai 2025 n° 499904);
 *   <li>{@link #noOqtfKnown}: a restriction of liberty with no OQTF known to the case;
 *   <li>an explicit refusal after the implicit refusal's own delay: both dates, the earlier acted on
 *       (R421-2 CJA);
 *   <li>{@link #reexamine}: back to the examination after a granted administrative appeal or an
 *       annulment;
 *   <li>{@link #renewalFiled}, {@link #startRenewal}: a renewal case starts at the renewal's filing.
 *   <li>{@link #documentsRequested}, {@link #documentsSent}, {@link #silenceFrom},
 *       {@link #completeFileReceived}: pieces asked during the examination stop the 4 months of silence,
 *       their receipt restarts them (L114-5 CRPA);
 *   <li>{@link #receiptToResume}: a grant recorded later resumes the récépissé follow-up it interrupted
 *       (R431-12 CESEDA).
 * </ul>
 */
public class CaseRules {

    static final String RULE = "contentiousAppealRule";
    static final String FROM = "contentiousAppealFrom";
    static final String PRINTED_APPLIES = "printedDeadlineApplies";
    private static final Set<String> EXPLICIT = Set.of("GRANTED", "REFUSED", "REFUSED_WITH_OQTF");

    private final Deadlines deadlines;

    public CaseRules(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** True (and {@code arrestRisk} set) when a prior OQTF or entry ban was recorded at triage. */
    public boolean arrestRisk(VariableScope execution) {
        boolean risk = Boolean.TRUE.equals(execution.getVariable("priorOqtf"))
                || Boolean.TRUE.equals(execution.getVariable("priorEntryBan"));
        execution.setVariable("arrestRisk", risk);
        return risk;
    }

    /**
     * On a known decision ({@code decisionOutcome}): {@code examinationOver} (true for an explicit
     * decision, unknown values included; false for an implicit refusal, which sets
     * {@code implicitRefusalBorn}); for a refusal, {@code contentiousAppealRule} and
     * {@code contentiousAppealFrom} (an OQTF by {@link #oqtfDeadline}; any other refusal 2 months from
     * {@code decisionNotifiedDate}); then {@code computedDeadline} and {@code printedDeadlineDiffers}
     * (true when the deadline printed on the decision, {@code printedDeadline}, is not the computed last
     * day).
     */
    public void decided(VariableScope execution) {
        Object outcome = execution.getVariable("decisionOutcome");
        execution.setVariable("examinationOver", !"IMPLICIT_REFUSAL".equals(outcome));
        competentCourt(execution);
        // legal aid recorded for an earlier decision is not this one's
        execution.setVariable("legalAidRequestedDate", null);
        execution.setVariable("legalAidOffice", null);
        execution.setVariable(PRINTED_APPLIES, false);
        if ("IMPLICIT_REFUSAL".equals(outcome)) {
            execution.setVariable("implicitRefusalBorn", true);
            execution.setVariable("implicitRefusalDate", execution.getVariable("decisionNotifiedDate"));
        }
        execution.setVariable("printedDeadlineDiffers", false);
        if ("GRANTED".equals(outcome)) {
            return;
        }
        if (OqtfRegime.isOqtf(outcome)) {
            oqtfDeadline(execution);
        } else {
            execution.setVariable(RULE, "CONTENTIOUS_APPEAL");
            execution.setVariable(FROM, execution.getVariable("decisionNotifiedDate"));
            explicitAfterImplicit(execution);
        }
        comparePrinted(execution);
        // the printed deadline goes with a deadline counted from the notification (R421-5 CJA)
        execution.setVariable(
                PRINTED_APPLIES,
                !blank(execution.getVariable("printedDeadline"))
                        && !Boolean.TRUE.equals(execution.getVariable("explicitRefusalConfirmative")));
    }

    /**
     * The decision is the prefecture's of the case's department when it is taken
     * ({@code prefectureDepartment}: it stays with the decision when the person moves later), and the
     * competent tribunal administratif is the one in whose jurisdiction it sits (R312-1 CJA): {@code court},
     * and {@code courtDepartment}, the department the court sits in, whose holidays extend the court
     * deadlines (art. 642 CPC). The person filing may choose another court where the law allows
     * ({@link AppealDeadlines#courtChosen}).
     */
    private void competentCourt(VariableScope execution) {
        Object department = execution.getVariable("department");
        execution.setVariable("prefectureDepartment", department);
        String court = department instanceof String code ? deadlines.courtFor(code) : null;
        execution.setVariable("court", court);
        execution.setVariable("courtDepartment", court == null ? null : deadlines.courtSeat(court));
    }

    /**
     * An explicit refusal after an implicit one restarts the delay only within the implicit refusal's own
     * delay (R421-2 CJA); after it, it may be only confirmative. Both dates are kept
     * ({@code implicitRefusalDeadline}, {@code explicitRefusalDeadline}) and, when the explicit refusal
     * came after the implicit refusal's delay ({@code explicitRefusalConfirmative}), the delay is counted
     * from the implicit refusal: the earlier date is the one to act by.
     */
    private void explicitAfterImplicit(VariableScope execution) {
        execution.setVariable("explicitRefusalConfirmative", false);
        if (!"REFUSED".equals(execution.getVariable("decisionOutcome"))
                || !Boolean.TRUE.equals(execution.getVariable("implicitRefusalBorn"))
                || execution.getVariable("implicitRefusalDate") == null) {
            return;
        }
        String rule = "CONTENTIOUS_APPEAL";
        execution.setVariable("implicitRefusalDeadline", deadlines.date(execution, rule, "implicitRefusalDate"));
        execution.setVariable("explicitRefusalDeadline", deadlines.date(execution, rule, "decisionNotifiedDate"));
        if (deadlines.isLate(execution, rule, "implicitRefusalDate", "decisionNotifiedDate")) {
            execution.setVariable("explicitRefusalConfirmative", true);
            execution.setVariable(FROM, execution.getVariable("implicitRefusalDate"));
        }
    }

    /** {@code computedDeadline}, and {@code printedDeadlineDiffers} when a deadline is printed on the decision. */
    private void comparePrinted(VariableScope execution) {
        String computed = deadlines.date(execution, String.valueOf(execution.getVariable(RULE)), FROM);
        execution.setVariable("computedDeadline", computed);
        Object printed = execution.getVariable("printedDeadline");
        execution.setVariable(
                "printedDeadlineDiffers",
                printed != null && !printed.toString().isBlank() && !sameDay(printed.toString(), computed));
    }

    /**
     * The rule of the contentious deadline a refusal starts ({@code decisionOutcome}): with an OQTF,
     * by the person's situation ({@code oqtfKind}, {@link OqtfRegime#rule}; unknown: the shortest,
     * 48 hours); any other refusal, 2 months. The one place the models and the backend's answer to a
     * decision take it from.
     */
    public static String contentiousRule(Object outcome, Object oqtfKind) {
        return contentiousRule(outcome, oqtfKind, null);
    }

    /** As {@link #contentiousRule(Object, Object)}, for an OQTF notified at {@code oqtfNotifiedAt} (former rules before 15 July 2024). */
    public static String contentiousRule(Object outcome, Object oqtfKind, Object oqtfNotifiedAt) {
        return OqtfRegime.isOqtf(outcome) ? OqtfRegime.rule(oqtfKind, oqtfNotifiedAt) : "CONTENTIOUS_APPEAL";
    }

    /**
     * When an OQTF's delay starts: notified by post, the first presentation of the letter
     * ({@code decisionNotifiedDate}, also when it came back "avisé, non réclamé"), whatever was typed as
     * its hour, never the day it was collected; handed over, {@code oqtfNotifiedAt} (its hour counts for
     * 48 hours), else the day of the decision (its start: the earliest reading).
     */
    public Object oqtfNotifiedAt(VariableScope execution) {
        Object day = execution.getVariable("decisionNotifiedDate");
        Object at = execution.getVariable("oqtfNotifiedAt");
        if ("POST".equals(execution.getVariable("notificationMode")) && day != null) {
            return day;
        }
        return at != null ? at : day;
    }

    /**
     * An OQTF is known (decision with an OQTF, or an OQTF alone): {@code oqtfNotifiedAt} as
     * {@link #oqtfNotifiedAt}; {@code contentiousAppealRule} by the person's situation when notified
     * ({@code oqtfKind}, {@link OqtfRegime}); {@code contentiousAppealFrom} its notification. A
     * restriction of liberty recorded before ({@code restrictionKind}, {@code restrictionNotifiedAt}) counts
     * when it was notified after the OQTF (recorded late) and shortens it; one notified before the OQTF is
     * not this OQTF's (its regime says the situation) and is cleared.
     */
    public void oqtfDeadline(VariableScope execution) {
        competentCourt(execution);
        Object at = oqtfNotifiedAt(execution);
        execution.setVariable("oqtfNotifiedAt", at);
        execution.setVariable(RULE, OqtfRegime.rule(execution.getVariable("oqtfKind"), at));
        execution.setVariable(FROM, at);
        execution.setVariable("deadlineSwitched", false);
        LocalDateTime restricted = OqtfRegime.dateTime(execution.getVariable("restrictionNotifiedAt"));
        if (restricted == null || execution.getVariable("restrictionKind") == null) {
            return;
        }
        if (restricted.isBefore(OqtfRegime.dateTime(at))) {
            execution.setVariable("restrictionKind", null);
            execution.setVariable("restrictionNotifiedAt", null);
        } else if (restrictionShortens(execution)) {
            applyRestriction(execution);
        }
    }

    /**
     * Starts the follow-up of an OQTF recorded at a step where no decision instance waits for it (the
     * main process's event subprocess {@code oqtfOutsideDecision}, variables given to its scope): its
     * deadline in variables of its own scope, so that what else runs keeps its own, compared with the
     * deadline printed on the decision ({@code printedDeadlineDiffers}); for a refusal with
     * an OQTF on a filed application, the examination is over (the récépissé follow-up and a hearing
     * end, as for any explicit decision).
     */
    public void oqtfTrack(DelegateExecution execution) {
        for (String local : List.of(
                RULE,
                FROM,
                "deadlineSwitched",
                "contentiousAppealRuleBeforeRestriction",
                "computedDeadline",
                "printedDeadlineDiffers",
                "prefectureDepartment",
                "court",
                "courtDepartment")) {
            execution.setVariableLocal(local, null);
        }
        for (String given : List.of("oqtfNotifiedAt", "printedDeadline", "notificationMode")) {
            if (execution.getVariableLocal(given) == null) {
                execution.setVariableLocal(given, null);
            }
        }
        oqtfDeadline(execution);
        comparePrinted(execution);
        if ("REFUSED_WITH_OQTF".equals(execution.getVariable("decisionOutcome"))
                && execution.getVariable("filingDate") != null) {
            execution.setVariable("examinationOver", true);
        }
    }

    /** Whether the examination is over: an explicit decision is known (the récépissé follow-up ends). */
    public boolean examinationOver(VariableScope execution) {
        return Boolean.TRUE.equals(execution.getVariable("examinationOver"));
    }

    /**
     * Whether the récépissé follow-up ends: an explicit refusal ends it at once; a grant only once the
     * card is collected ({@code cardCollectedDate}), for the récépissé covers the stay until the card is
     * handed over (R431-12 CESEDA).
     */
    public boolean receiptFollowUpOver(VariableScope execution) {
        if (!examinationOver(execution)) {
            return false;
        }
        return !"GRANTED".equals(execution.getVariable("decisionOutcome"))
                || execution.getVariable("cardCollectedDate") != null;
    }

    /**
     * Whether the récépissé follow-up resumes beside the card's collection: a grant recorded later
     * ({@code LaterDecisionNotified}) interrupted the follow-up that ran ({@code receiptFollowUpInterrupted},
     * set by the backend with the last document known), and none runs now. The récépissé covers the stay
     * until the card is handed over (R431-12 CESEDA), whichever way the grant came. The flag is consumed.
     */
    public boolean receiptToResume(VariableScope execution) {
        boolean resume = "GRANTED".equals(execution.getVariable("decisionOutcome"))
                && Boolean.TRUE.equals(execution.getVariable("receiptFollowUpInterrupted"))
                && !Boolean.TRUE.equals(execution.getVariable("receiptFollowUpRunning"));
        execution.setVariable("receiptFollowUpInterrupted", false);
        return resume;
    }

    /** Whether a decision recorded with {@code LaterDecisionNotified} is to be handled as it is. */
    public boolean explicitDecision(VariableScope execution) {
        return EXPLICIT.contains(String.valueOf(execution.getVariable("decisionOutcome")));
    }

    /**
     * Whether the restriction of liberty just notified ({@code restrictionKind}, {@code restrictionNotifiedAt})
     * shortens the OQTF deadline in {@code contentiousAppealRule}: it counts only for an OQTF already
     * notified ({@code oqtfNotifiedAt}), when notified during its delay, and only when the rule it brings
     * ({@link OqtfRegime#restrictionRule}: 7 days for a house arrest or prison, 48 hours for a retention;
     * nothing for an arrest) ends earlier, counted from its own notification. Never a longer deadline,
     * nothing for a refusal without an OQTF.
     */
    public boolean restrictionShortens(VariableScope execution) {
        Object rule = execution.getVariable(RULE);
        Object oqtfAt = execution.getVariable("oqtfNotifiedAt") != null
                ? execution.getVariable("oqtfNotifiedAt")
                : execution.getVariable(FROM);
        String shorter = OqtfRegime.restrictionRule(execution.getVariable("restrictionKind"), oqtfAt);
        LocalDateTime at = OqtfRegime.dateTime(execution.getVariable("restrictionNotifiedAt"));
        if (rule == null
                || !rule.toString().startsWith("OQTF_")
                || shorter == null
                || shorter.equals(rule)
                || at == null
                || execution.getVariable(FROM) == null) {
            return false;
        }
        if (oqtfAt != null && at.isBefore(OqtfRegime.dateTime(oqtfAt))) {
            return false;
        }
        Date running = deadlines.due(execution, rule.toString(), FROM);
        if (at.atZone(OqtfRegime.PARIS).toInstant().isAfter(running.toInstant())) {
            return false;
        }
        Date restricted = deadlines.due(execution, shorter, "restrictionNotifiedAt");
        return restricted.before(running);
    }

    /**
     * Applies a restriction that {@link #restrictionShortens} the OQTF deadline: the shorter rule, from
     * the restriction's notification ({@code deadlineSwitched} true, the former rule kept in
     * {@code contentiousAppealRuleBeforeRestriction}, {@code computedDeadline} the new one).
     */
    public void applyRestriction(VariableScope execution) {
        Object oqtfAt = execution.getVariable("oqtfNotifiedAt") != null
                ? execution.getVariable("oqtfNotifiedAt")
                : execution.getVariable(FROM);
        String shorter = OqtfRegime.restrictionRule(execution.getVariable("restrictionKind"), oqtfAt);
        if (shorter == null) {
            throw new IllegalStateException(
                    "caseRules: no deadline for restrictionKind " + execution.getVariable("restrictionKind"));
        }
        execution.setVariable("contentiousAppealRuleBeforeRestriction", execution.getVariable(RULE));
        execution.setVariable(RULE, shorter);
        execution.setVariable(FROM, execution.getVariable("restrictionNotifiedAt"));
        execution.setVariable("computedDeadline", deadlines.date(execution, shorter, FROM));
        execution.setVariable("deadlineSwitched", true);
    }

    /**
     * A restriction of liberty notified while a task on the OQTF deadline waits: {@link #applyRestriction}
     * when it {@link #restrictionShortens} it ({@code deadlineSwitched} says whether it did).
     */
    public void restrictionNotified(VariableScope execution) {
        execution.setVariable("deadlineSwitched", false);
        if (restrictionShortens(execution)) {
            applyRestriction(execution);
        }
    }

    /**
     * Whether the refusal to contest is an implicit one, whose reasons are to be asked beside the
     * choice of the strategy: the administration must give them within a month of the request, and
     * the delay of the appeal then runs until two months after they are given (L232-4 CRPA).
     */
    public boolean implicitRefusal(VariableScope execution) {
        return "IMPLICIT_REFUSAL".equals(execution.getVariable("decisionOutcome"));
    }

    /**
     * After an implicit refusal not contested for now, the case waits for the explicit decision: true
     * while the decision known is the implicit refusal and the examination goes on.
     */
    public boolean awaitsExplicitDecision(VariableScope execution) {
        return "IMPLICIT_REFUSAL".equals(execution.getVariable("decisionOutcome")) && !examinationOver(execution);
    }

    /**
     * Whether the decision process waits for a notified decision only, with no implicit refusal to
     * come: a file not complete ({@code fileComplete} false), no filing date, or an implicit refusal
     * already born ({@code implicitRefusalBorn}).
     */
    public boolean onlyANotifiedDecision(VariableScope execution) {
        return Boolean.FALSE.equals(execution.getVariable("fileComplete"))
                || execution.getVariable("filingDate") == null
                || Boolean.TRUE.equals(execution.getVariable("implicitRefusalBorn"));
    }

    /**
     * A restriction of liberty with no OQTF known to the case: no running process of the case (this
     * one, a decision, an OQTF's follow-up, an appeal) holds an OQTF's regime ({@code oqtfKind}). Then
     * the measure behind the restriction must be found at once.
     */
    public boolean noOqtfKnown(DelegateExecution execution) {
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        String[] instances = runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .list()
                .stream()
                .map(ProcessInstance::getId)
                .toArray(String[]::new);
        if (instances.length == 0) {
            return execution.getVariable("oqtfKind") == null;
        }
        return execution.getVariable("oqtfKind") == null
                && runtime
                        .createVariableInstanceQuery()
                        .processInstanceIdIn(instances)
                        .variableName("oqtfKind")
                        .list()
                        .stream()
                        .noneMatch(variable -> variable.getValue() != null);
    }

    /**
     * Back to the examination: {@code reexaminationFrom} is the date in {@code dateVariable} (the
     * judgment's), or for {@code administrativeAppeal} the answer of the granted appeal; the
     * examination is open again.
     */
    public void reexamine(VariableScope execution, String dateVariable) {
        Object from;
        if ("administrativeAppeal".equals(dateVariable)) {
            from = "ACCEPTED".equals(execution.getVariable("graciousAppealOutcome"))
                    ? execution.getVariable("graciousAppealAnswerDate")
                    : execution.getVariable("hierarchicalAppealAnswerDate");
        } else {
            from = execution.getVariable(dateVariable);
        }
        execution.setVariable("reexaminationFrom", from);
        execution.setVariable("examinationOver", false);
        execution.setVariable("implicitRefusalBorn", false);
        execution.setVariable("implicitRefusalDate", null);
        execution.setVariable(COMPLETE_FILE, null);
    }

    /**
     * The contentious deadline after rejected administrative appeals: from the later rejection
     * (L411-2 CRPA), or the decision's notification when none was formed.
     */
    public void administrativeAppealsRejected(VariableScope execution) {
        Object gracious = execution.getVariable("graciousAppealRejectedDate");
        Object hierarchical = execution.getVariable("hierarchicalAppealRejectedDate");
        Object from = gracious == null
                ? (hierarchical == null ? execution.getVariable("decisionNotifiedDate") : hierarchical)
                : hierarchical == null || gracious.toString().compareTo(hierarchical.toString()) > 0
                        ? gracious
                        : hierarchical;
        execution.setVariable(FROM, from);
        // restarted from a rejection: the date printed on the decision no longer applies
        execution.setVariable(PRINTED_APPLIES, false);
    }

    /**
     * The date the 4 months of silence count from when the decision is awaited ({@code filingDate} of the
     * decision process): the day the pieces asked during the examination were received ({@code
     * completeFileDate}, {@link #documentsSent}: L114-5 CRPA), else after an annulment or a granted
     * administrative appeal {@code reexaminationFrom} (the judgment's or the answer's date), else the filing.
     */
    public Object examinationFrom(VariableScope execution) {
        Object complete = execution.getVariable(COMPLETE_FILE);
        if (complete != null) {
            return complete;
        }
        Object from = execution.getVariable("reexaminationFrom");
        return from != null ? from : execution.getVariable("filingDate");
    }

    // ------------------------------------------------------------ pieces asked during the examination

    static final String COMPLETE_FILE = "completeFileDate";
    static final String SILENCE_FROM = "implicitRefusalFrom";
    /** To the decision process: pieces are asked, the 4 months stop until they are received. */
    static final String DOCUMENTS_AWAITED = "DocumentsAwaited";
    /** To the decision process: the pieces are received, the 4 months start again from them. */
    static final String DOCUMENTS_RECEIVED = "DocumentsReceived";

    /**
     * The prefecture asks for pieces during the examination (regularisation, {@code documentsRequest}): the
     * silence is not a refusal while the file is incomplete, the 4 months run only from the receipt of the
     * pieces (L114-5 CRPA; CE avis 10 oct. 2024 n° 494718). A decision instance waiting for the silence
     * stops its timer ({@code DocumentsAwaited}); one waiting for a notified decision only (an implicit
     * refusal already born, an incomplete file) does not listen.
     */
    public void documentsRequested(DelegateExecution execution) {
        execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createMessageCorrelation(DOCUMENTS_AWAITED)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .correlateAll();
    }

    /**
     * The pieces are sent ({@code documentsSentDate}; received on {@code documentsReceivedDate} when the
     * receipt is known): the file is complete on the day of the receipt, or, when it is not known, of the
     * sending (the earlier reading, so the implicit refusal is never counted later than it may be born).
     * {@code completeFileDate} keeps it for the decision instances to come; when no other request still
     * waits for its pieces, the waiting decision instance restarts its 4 months from it
     * ({@code DocumentsReceived}). After an implicit refusal already born, the pieces do not undo it. A
     * listener on the task's completion, so that the task itself is told apart from the others still open.
     */
    public void documentsSent(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        Object received = execution.getVariable("documentsReceivedDate");
        Object complete = blank(received) ? execution.getVariable("documentsSentDate") : received;
        execution.setVariable("documentsReceivedDate", null);
        if (blank(complete) || Boolean.TRUE.equals(execution.getVariable("implicitRefusalBorn"))) {
            return;
        }
        String day = complete.toString().substring(0, 10);
        execution.setVariable(COMPLETE_FILE, day);
        var services = task.getProcessEngineServices();
        String key = execution.getProcessBusinessKey();
        boolean stillAwaited = services
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey(task.getTaskDefinitionKey())
                .list()
                .stream()
                .anyMatch(other -> !other.getId().equals(task.getId()));
        if (stillAwaited) {
            return;
        }
        services.getRuntimeService()
                .createMessageCorrelation(DOCUMENTS_RECEIVED)
                .processInstanceBusinessKey(key)
                .setVariable(COMPLETE_FILE, day)
                .correlateAll();
    }

    /** The decision process: the 4 months of silence count from its {@code filingDate} ({@link #examinationFrom}). */
    public void silenceFrom(VariableScope execution) {
        execution.setVariable(SILENCE_FROM, execution.getVariable("filingDate"));
    }

    /**
     * The decision process: the pieces asked are received ({@code completeFileDate}): the 4 months start
     * again from that day (L114-5 CRPA), never from an earlier one than the running count.
     */
    public void completeFileReceived(VariableScope execution) {
        Object complete = execution.getVariable(COMPLETE_FILE);
        Object running = execution.getVariable(SILENCE_FROM);
        if (!blank(complete) && (blank(running) || complete.toString().compareTo(running.toString()) > 0)) {
            execution.setVariable(SILENCE_FROM, complete);
        }
    }

    /**
     * Whether triage closes the case as not the association's (asylum, Dublin: {@code closingKind}
     * {@code NOT_OURS_ASYLUM}, {@code NOT_OURS_DUBLIN}): everything that runs for it ends, its file stays.
     */
    public boolean notOurs(VariableScope execution) {
        Object kind = execution.getVariable("closingKind");
        return kind != null && kind.toString().startsWith("NOT_OURS_");
    }

    /** Whether a gracious or hierarchical appeal was granted ({@code ACCEPTED}): the prefecture re-examines. */
    public boolean administrativeAppealAccepted(VariableScope execution) {
        return "ACCEPTED".equals(execution.getVariable("graciousAppealOutcome"))
                || "ACCEPTED".equals(execution.getVariable("hierarchicalAppealOutcome"));
    }

    /**
     * Whether the court annulled the refusal ({@code judgmentOutcome} {@code ANNULMENT_REEXAMINE} or
     * {@code ANNULMENT_ISSUE}): the judgment is to be carried out, and its enforcement followed (L911-4 CJA).
     */
    public boolean annulled(VariableScope execution) {
        Object outcome = execution.getVariable("judgmentOutcome");
        return "ANNULMENT_REEXAMINE".equals(outcome) || "ANNULMENT_ISSUE".equals(outcome);
    }

    /**
     * Whether the prefecture carried out the annulment by the day the court may be asked to enforce it
     * ({@code enforcementRule} from {@code enforcementFrom}): an order to issue, the card collected
     * ({@code cardCollectedDate}); an order to re-examine, a new explicit decision known
     * ({@code examinationOver}). Otherwise the enforcement is asked of the court (L911-4, R921-1-1 CJA).
     */
    public boolean judgmentCarriedOut(VariableScope execution) {
        if ("ANNULMENT_ISSUE".equals(execution.getVariable("judgmentOutcome"))) {
            return !blank(execution.getVariable("cardCollectedDate"));
        }
        return examinationOver(execution);
    }

    /**
     * Whether the case renews a card whose renewal is already filed: the backend opens it with
     * {@code renewalOf} (the case of the card) and {@code renewalFiledDate} (form {@code case-renewal-filed}).
     * Such a case starts at the filing, not at preparation.
     */
    public boolean renewalFiled(VariableScope execution) {
        return !blank(execution.getVariable("renewalOf")) && !blank(execution.getVariable("renewalFiledDate"));
    }

    /**
     * A renewal case's start at its filing: {@code filingDate} is the renewal's ({@code renewalFiledDate}), from
     * which the 4 months of silence run to an implicit refusal (R432-1, R432-2 CESEDA); {@code filingMode} is the
     * channel's ({@code renewalChannel}: the online service, a prefecture appointment, a registered letter; R431-5).
     */
    public void startRenewal(VariableScope execution) {
        execution.setVariable("filingDate", execution.getVariable("renewalFiledDate"));
        Object channel = execution.getVariable("renewalChannel");
        execution.setVariable(
                "filingMode",
                "ANEF".equals(channel)
                        ? "ONLINE"
                        : "REGISTERED_LETTER".equals(channel) ? "REGISTERED_LETTER" : "APPOINTMENT");
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private static boolean sameDay(String printed, String computed) {
        String a = printed.trim();
        return a.length() >= 10 && computed.length() >= 10 && a.substring(0, 10).equals(computed.substring(0, 10));
    }
}
