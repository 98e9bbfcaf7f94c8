package fr.passerelle.processes;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

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
 *   <li>{@link #restrictionNotified}: a house arrest or a retention notified while an OQTF
 *       deadline runs brings it to 7 days or 48 hours from that notification when that ends
 *       earlier (L921-1, L921-2 CESEDA, loi n° 2024-42), never a longer deadline;
 *   <li>{@link #reexamine}: back to the examination after a granted administrative appeal or an
 *       annulment.
 * </ul>
 */
public class CaseRules {

    static final String RULE = "contentiousAppealRule";
    static final String FROM = "contentiousAppealFrom";
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
     * decision, unknown values included; false for an implicit refusal); for a refusal,
     * {@code contentiousAppealRule} and {@code contentiousAppealFrom} (an OQTF by its regime from
     * {@code oqtfNotifiedAt}, unknown regime: 48 hours; any other refusal 2 months from
     * {@code decisionNotifiedDate}), shortened by a restriction of liberty already recorded; then
     * {@code computedDeadline} and {@code printedDeadlineDiffers} (true when the deadline printed on
     * the decision, {@code printedDeadline}, is not the computed last day).
     */
    public void decided(VariableScope execution) {
        Object outcome = execution.getVariable("decisionOutcome");
        execution.setVariable("examinationOver", !"IMPLICIT_REFUSAL".equals(outcome));
        execution.setVariable("printedDeadlineDiffers", false);
        if ("GRANTED".equals(outcome)) {
            return;
        }
        execution.setVariable(RULE, contentiousRule(outcome, execution.getVariable("oqtfKind")));
        if ("REFUSED_WITH_OQTF".equals(outcome)) {
            Object at = execution.getVariable("oqtfNotifiedAt");
            execution.setVariable(FROM, at != null ? at : execution.getVariable("decisionNotifiedDate"));
            if (execution.getVariable("restrictionKind") != null
                    && execution.getVariable("restrictionNotifiedAt") != null) {
                restrictionNotified(execution);
            }
        } else {
            execution.setVariable(FROM, execution.getVariable("decisionNotifiedDate"));
        }
        String computed = deadlines.date(execution, String.valueOf(execution.getVariable(RULE)), FROM);
        execution.setVariable("computedDeadline", computed);
        Object printed = execution.getVariable("printedDeadline");
        if (printed != null && !printed.toString().isBlank()) {
            execution.setVariable("printedDeadlineDiffers", !sameDay(printed.toString(), computed));
        }
    }

    /**
     * The rule of the contentious deadline a refusal starts ({@code decisionOutcome}): with an OQTF,
     * by its regime ({@code oqtfKind}: {@code ORDINARY}, {@code HOUSE_ARREST}; unknown: the
     * shortest, 48 hours); any other refusal, 2 months. The one place the models and the backend's
     * answer to a decision take it from.
     */
    public static String contentiousRule(Object outcome, Object oqtfKind) {
        if (!"REFUSED_WITH_OQTF".equals(outcome)) {
            return "CONTENTIOUS_APPEAL";
        }
        return "ORDINARY".equals(oqtfKind)
                ? "OQTF_ORDINARY"
                : "HOUSE_ARREST".equals(oqtfKind) ? "OQTF_HOUSE_ARREST" : "OQTF_RETENTION";
    }

    /** Whether the examination is over: an explicit decision is known (the récépissé follow-up ends). */
    public boolean examinationOver(VariableScope execution) {
        return Boolean.TRUE.equals(execution.getVariable("examinationOver"));
    }

    /** Whether a decision recorded with {@code LaterDecisionNotified} is to be handled as it is. */
    public boolean explicitDecision(VariableScope execution) {
        return EXPLICIT.contains(String.valueOf(execution.getVariable("decisionOutcome")));
    }

    /**
     * A restriction of liberty ({@code restrictionKind}: {@code ARREST}, {@code HOUSE_ARREST},
     * {@code RETENTION}; {@code restrictionNotifiedAt}) against the OQTF deadline in
     * {@code contentiousAppealRule}: switches to {@code OQTF_HOUSE_ARREST} or {@code OQTF_RETENTION}
     * from the restriction's notification when that ends earlier ({@code deadlineSwitched} true,
     * the former rule kept in {@code contentiousAppealRuleBeforeRestriction}); an arrest alone, a
     * refusal without OQTF, or a longer deadline change nothing.
     */
    public void restrictionNotified(VariableScope execution) {
        execution.setVariable("deadlineSwitched", false);
        Object rule = execution.getVariable(RULE);
        String shorter = AppealDeadlines.shorterRule(execution);
        if (rule == null
                || !rule.toString().startsWith("OQTF_")
                || shorter == null
                || execution.getVariable("restrictionNotifiedAt") == null) {
            return;
        }
        if (shorter.equals(rule)) {
            return;
        }
        Date running = deadlines.due(execution, rule.toString(), FROM);
        Date restricted = deadlines.due(execution, shorter, "restrictionNotifiedAt");
        if (restricted.before(running)) {
            execution.setVariable("contentiousAppealRuleBeforeRestriction", rule);
            execution.setVariable(RULE, shorter);
            execution.setVariable(FROM, execution.getVariable("restrictionNotifiedAt"));
            execution.setVariable("computedDeadline", deadlines.date(execution, shorter, FROM));
            execution.setVariable("deadlineSwitched", true);
        }
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
    }

    private static boolean sameDay(String printed, String computed) {
        String a = printed.trim();
        return a.length() >= 10 && computed.length() >= 10 && a.substring(0, 10).equals(computed.substring(0, 10));
    }
}
