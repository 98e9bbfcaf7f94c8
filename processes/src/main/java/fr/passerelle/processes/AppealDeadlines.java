package fr.passerelle.processes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The bean {@code appealDeadlines} of appeal-contentious.bpmn: what the contentious appeal needs
 * beyond the {@code deadlines} bean, on the deadline that bean computes (so the legal counting
 * stays in one place: the backend's {@code fr.passerelle.deadlines}, the process tests' stand-in).
 * The backend and the process tests each register it over their own {@code deadlines}.
 *
 * <ul>
 *   <li>the rule and start of the deadline when the caller gave none ({@link #start});
 *   <li>a restriction of liberty notified while an OQTF deadline runs (loi n° 2024-42; L921-1,
 *       L921-2 CESEDA): house arrest gives 7 days, retention 48 hours, counted from its
 *       notification, when that ends earlier; never a longer deadline ({@link #restrictionEffect},
 *       {@link #switchDeadline});
 *   <li>the coordinator's reminder at half time ({@link #halfTime}) and the time a lawyer has to
 *       accept an offer ({@link #offerExpiry});
 *   <li>issue 18: a shorter deadline printed on the decision ({@link #orPrinted}); legal aid recorded
 *       at any time, its follow-up and the restart from its decision ({@link #legalAidInterrupts},
 *       {@link #missedDeadline}); the proceedings after a filing by the association (the judge's time,
 *       {@link #proceedingsStarted}; the lawyer's tasks handed over, {@link #handOver}); the appeal to
 *       the cour administrative d'appel and the enforcement of a judgment ({@link #judged},
 *       {@link #executionRequested}); a late administrative appeal ({@link
 *       #administrativeAppealSentInTime}).
 * </ul>
 *
 * Variables: {@code contentiousAppealRule}, {@code contentiousAppealFrom} (processes/README.md),
 * {@code restrictionKind} ({@code ARREST}, {@code HOUSE_ARREST}, {@code IMPRISONMENT}, {@code RETENTION}),
 * {@code restrictionNotifiedAt} (ISO date-time, Paris), {@code legalAidPending},
 * {@code offerAcceptanceTime} (ISO-8601 duration, optional).
 */
public class AppealDeadlines {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String RULE = "contentiousAppealRule";
    static final String FROM = "contentiousAppealFrom";
    static final String PRINTED = "printedDeadline";
    static final String PRINTED_APPLIES = "printedDeadlineApplies";
    static final String IMPLICIT_REJECTION = "ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION";

    /** The tasks of the proceedings meant for the lawyer, opened to the coordinators while there is none. */
    static final Set<String> LAWYER_TASKS = Set.of(
            "recordHearingDate",
            "reportHearing",
            "informCourtOfRestriction",
            "produceLaterRefusal",
            "requestJudgmentExecution",
            "fileCourtOfAppealRequest");

    /** What a restriction of liberty does to the running deadline. */
    public static final String SWITCH = "SWITCH";

    public static final String CHECK = "CHECK";

    private final Deadlines deadlines;

    public AppealDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * Sets {@code contentiousAppealRule} and {@code contentiousAppealFrom} when the caller did not:
     * a refusal with an OQTF counts from the OQTF's notification by its regime ({@code oqtfKind};
     * unknown: the shortest, 48 hours), any other refusal 2 months from its notification.
     */
    public void start(VariableScope execution) {
        boolean oqtf = "REFUSED_WITH_OQTF".equals(execution.getVariable("decisionOutcome"));
        if (execution.getVariable(RULE) == null) {
            execution.setVariable(
                    RULE,
                    CaseRules.contentiousRule(
                            execution.getVariable("decisionOutcome"), execution.getVariable("oqtfKind")));
        }
        Object oqtfAt = execution.getVariable("oqtfNotifiedAt");
        Object notified = oqtf && oqtfAt != null ? oqtfAt : execution.getVariable("decisionNotifiedDate");
        if (execution.getVariable(FROM) == null) {
            execution.setVariable(FROM, notified);
        }
        if (execution.getVariable("court") == null) {
            // a caller that did not say: the court where the deciding prefecture sits (R312-1 CJA)
            Object prefecture = execution.getVariable("prefectureDepartment");
            Object department = prefecture != null ? prefecture : execution.getVariable("department");
            execution.setVariable("court", department instanceof String code ? deadlines.courtFor(code) : null);
            courtChosen(execution);
        }
        // the deadline printed on the decision goes with the deadline counted from its notification
        // only: not with one restarted after administrative appeals (R421-5 CJA; issue 18, item 15)
        execution.setVariable(
                PRINTED_APPLIES,
                !blank(execution.getVariable(PRINTED))
                        && notified != null
                        && notified.toString().equals(String.valueOf(execution.getVariable(FROM))));
    }

    /**
     * The court the request is filed with ({@code court}: prefilled with the competent one, R312-1 CJA;
     * another where the law allows, e.g. the court of the place of house arrest, retention or prison): its
     * department ({@code courtDepartment}) is the calendar of the court deadlines from now on (art. 642 CPC).
     */
    public void courtChosen(VariableScope execution) {
        Object court = execution.getVariable("court");
        execution.setVariable("courtDepartment", court instanceof String code ? deadlines.courtSeat(code) : null);
    }

    // ------------------------------------------------------------------ the running deadline

    /**
     * The last moment to act on the running deadline: {@code computed} (the {@code deadlines} bean's
     * due date of {@code contentiousAppealRule} from {@code contentiousAppealFrom}), or the end of the
     * deadline printed on the decision ({@code printedDeadline}, rule {@code PRINTED_DEADLINE}) when
     * that is earlier and still applies: a shorter printed deadline moves the due dates (R421-5 CJA,
     * the safe reading; docs/deadlines.md). The models write
     * {@code ${appealDeadlines.orPrinted(execution, deadlines.due(execution, contentiousAppealRule, 'contentiousAppealFrom'))}}
     * so that the rule stays readable in the expression.
     */
    public Date orPrinted(VariableScope execution, Date computed) {
        if (!printedApplies(execution)) {
            return computed;
        }
        Date printed = deadlines.due(execution, "PRINTED_DEADLINE", PRINTED);
        return printed.before(computed) ? printed : computed;
    }

    /** As {@link #orPrinted} for a timer: the moment the earlier of the two deadlines is missed. */
    public Date orPrintedTimer(VariableScope execution, Date computed) {
        if (!printedApplies(execution)) {
            return computed;
        }
        Date printed = deadlines.timer(execution, "PRINTED_DEADLINE", PRINTED);
        return printed.before(computed) ? printed : computed;
    }

    /** The running deadline's last moment, a shorter printed deadline included. */
    Date due(VariableScope execution) {
        return due(execution, String.valueOf(execution.getVariable(RULE)));
    }

    /**
     * The due date of the appeal's tasks before the filing: {@code rule} (the models pass
     * {@code contentiousAppealRule}, so the rule stays readable for the backend's {@code DueDateRule})
     * from {@code contentiousAppealFrom}, or a shorter printed deadline ({@link #orPrinted}).
     */
    public Date due(VariableScope execution, String rule) {
        return orPrinted(execution, deadlines.due(execution, rule, FROM));
    }

    /** As {@link #due} for the timer of the missed deadline ({@link #orPrintedTimer}). */
    public Date timer(VariableScope execution, String rule) {
        return orPrintedTimer(execution, deadlines.timer(execution, rule, FROM));
    }

    private static boolean printedApplies(VariableScope execution) {
        return Boolean.TRUE.equals(execution.getVariable(PRINTED_APPLIES)) && !blank(execution.getVariable(PRINTED));
    }

    // ------------------------------------------------------------------ legal aid (issue 18, item 9)

    /**
     * Whether the legal-aid request recorded ({@code legalAidRequestedDate}) interrupts the running
     * deadline: only the 2 months of {@code CONTENTIOUS_APPEAL} and the month of {@code OQTF_ORDINARY}
     * (décret n° 2020-1717 art. 43), and only when sent by the last day to act (a shorter printed
     * deadline included: the safe reading). Not when its decision is already recorded.
     */
    public boolean legalAidInterrupts(VariableScope execution) {
        Object requested = execution.getVariable("legalAidRequestedDate");
        if (blank(requested) || !blank(execution.getVariable("legalAidDecisionDate")) || !interruptible(execution)) {
            return false;
        }
        LocalDate lastDay = due(execution).toInstant().atZone(PARIS).toLocalDate();
        return !LocalDate.parse(requested.toString().trim().substring(0, 10)).isAfter(lastDay);
    }

    /**
     * Whether the lawyer's strategy asks for legal aid that is still to be requested: asked for
     * ({@code legalAidRequested}), not recorded yet, and a rule it interrupts (for 7 days and
     * 48 hours it is asked in the request itself and interrupts nothing).
     */
    public boolean legalAidToRequest(VariableScope execution) {
        return Boolean.TRUE.equals(execution.getVariable("legalAidRequested"))
                && blank(execution.getVariable("legalAidRequestedDate"))
                && interruptible(execution);
    }

    /** The deadline is interrupted: {@code legalAidPending}, and the follow-up counts from the request. */
    public void legalAidAwaited(VariableScope execution) {
        execution.setVariable("legalAidPending", true);
        execution.setVariable("legalAidFollowUpFrom", execution.getVariable("legalAidRequestedDate"));
    }

    /** The bureau was chased: the next follow-up counts from that day ({@code legalAidFollowUpDate}). */
    public void legalAidFollowedUp(VariableScope execution) {
        Object on = execution.getVariable("legalAidFollowUpDate");
        execution.setVariable(
                "legalAidFollowUpFrom",
                blank(on)
                        ? ClockUtil.getCurrentTime()
                                .toInstant()
                                .atZone(PARIS)
                                .toLocalDate()
                                .toString()
                        : on);
    }

    /**
     * The legal-aid decision is notified ({@code legalAidDecisionDate}): the deadline restarts in full
     * from it (art. 43), whatever the decision; the printed deadline no longer applies.
     */
    public void legalAidDecided(VariableScope execution) {
        execution.setVariable(FROM, execution.getVariable("legalAidDecisionDate"));
        execution.setVariable("legalAidPending", false);
        execution.setVariable(PRINTED_APPLIES, false);
    }

    /**
     * What the coordinator's answer at the missed deadline leads to: {@code LEGAL_AID} when a
     * legal-aid request sent in time is recorded (it interrupted the deadline: never abandon then),
     * {@code ABANDON} when {@code abandonAppeal}, else {@code KEEP}.
     */
    public String missedDeadline(VariableScope execution) {
        if (legalAidInterrupts(execution)) {
            return "LEGAL_AID";
        }
        return Boolean.TRUE.equals(execution.getVariable("abandonAppeal")) ? "ABANDON" : "KEEP";
    }

    private static boolean interruptible(VariableScope execution) {
        Object rule = execution.getVariable(RULE);
        return "CONTENTIOUS_APPEAL".equals(rule) || "OQTF_ORDINARY".equals(rule);
    }

    // ------------------------------------------------------------------ the proceedings (issue 18, item 11)

    /** The lawyer following the appeal, or null while none has accepted (the coordinators then act). */
    public String lawyerOf(VariableScope execution) {
        Object lawyer = execution.getVariable("lawyerId");
        return blank(lawyer) ? null : lawyer.toString();
    }

    /**
     * A lawyer accepted the proceedings: the open tasks meant for the lawyer that were opened while
     * there was none (a hearing date, a restriction, a judgment recorded by the coordinators) are
     * handed to them.
     */
    public void handOver(DelegateExecution execution) {
        String lawyer = lawyerOf(execution);
        if (lawyer == null) {
            return;
        }
        var tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskUnassigned().list().stream()
                .filter(task -> LAWYER_TASKS.contains(task.getTaskDefinitionKey()))
                .forEach(task -> tasks.setAssignee(task.getId(), lawyer));
    }

    /**
     * The last moment of the proceedings' offer to a lawyer and of the hearing's record: the time the
     * judge has to rule when the person is restricted, 96 hours after the 48 in retention (L921-2
     * CESEDA, {@code COURT_RULING_RETENTION} from the notification) or 15 days from the filing under
     * house arrest or in detention (L921-1, {@code COURT_RULING_HOUSE_ARREST} from
     * {@code requestFiledDate}); null otherwise (no time set by law).
     */
    public Date proceedingsDue(VariableScope execution) {
        String rule = rulingRule(execution);
        return rule == null ? null : deadlines.due(execution, rule, rulingFrom(execution));
    }

    /**
     * The proceedings start: {@code rulingRule} (the rule of the judge's time, or null when the law
     * sets none) and {@code rulingFrom} (the date it counts from), so that the models' due dates name
     * their rule ({@code ${deadlines.due(execution, rulingRule, 'rulingFrom')}}, read by the backend).
     */
    public void proceedingsStarted(VariableScope execution) {
        String rule = rulingRule(execution);
        execution.setVariable("rulingRule", rule);
        execution.setVariable("rulingFrom", rule == null ? null : execution.getVariable(rulingFrom(execution)));
    }

    /**
     * The due date of the proceedings' tasks: the judge's time {@code rule} (the models pass
     * {@code rulingRule}, set by {@link #proceedingsStarted}) from {@code rulingFrom}, or none when
     * the law sets no time (null or empty rule).
     */
    public Date rulingDue(VariableScope execution, String rule) {
        // the expression language passes an unset rule as an empty string
        return blank(rule) ? null : deadlines.due(execution, rule, "rulingFrom");
    }

    /** Whether the judge has a time set by law to rule ({@link #proceedingsDue}). */
    public boolean hasRulingTime(VariableScope execution) {
        return rulingRule(execution) != null;
    }

    /** When that time is over ({@link #proceedingsDue}): the timer of the coordinator's check. */
    public Date rulingTime(VariableScope execution) {
        String rule = rulingRule(execution);
        if (rule == null) {
            throw new IllegalStateException("appealDeadlines: no ruling time for " + execution.getVariable(RULE));
        }
        return deadlines.timer(execution, rule, rulingFrom(execution));
    }

    /**
     * When an offer of the proceedings not yet accepted goes back to the coordinator: as
     * {@link #offerExpiry}, never after the judge's ruling time when there is one.
     */
    public Date proceedingsOfferExpiry(VariableScope execution) {
        Object configured = execution.getVariable("offerAcceptanceTime");
        Duration wait = configured != null && !configured.toString().isBlank()
                ? Duration.parse(configured.toString())
                : defaultAcceptanceTime(String.valueOf(execution.getVariable(RULE)));
        Date expiry = Date.from(ClockUtil.getCurrentTime().toInstant().plus(wait));
        Date due = proceedingsDue(execution);
        return due != null && due.before(expiry) ? due : expiry;
    }

    private static String rulingRule(VariableScope execution) {
        Object rule = execution.getVariable(RULE);
        if ("OQTF_RETENTION".equals(rule)) {
            return "COURT_RULING_RETENTION";
        }
        return "OQTF_HOUSE_ARREST".equals(rule) && !blank(execution.getVariable("requestFiledDate"))
                ? "COURT_RULING_HOUSE_ARREST"
                : null;
    }

    private static String rulingFrom(VariableScope execution) {
        return "OQTF_RETENTION".equals(execution.getVariable(RULE)) ? FROM : "requestFiledDate";
    }

    // ------------------------------------------------------------------ after the judgment (issue 18, item 12)

    /**
     * A judgment is notified: {@code courtOfAppealRule}, the deadline of the appeal to the cour
     * administrative d'appel from {@code judgmentDate}: 1 month for a judgment on an OQTF
     * ({@code CAA_APPEAL_OQTF}, R776-9 CJA), else 2 months ({@code CAA_APPEAL}, R811-2 CJA).
     */
    public void judged(VariableScope execution) {
        Object rule = execution.getVariable(RULE);
        execution.setVariable(
                "courtOfAppealRule",
                rule != null && rule.toString().startsWith("OQTF_") ? "CAA_APPEAL_OQTF" : "CAA_APPEAL");
    }

    /**
     * The judgment's execution is asked: {@code enforcementRule} and {@code enforcementFrom}, the day
     * the court may be asked to have it carried out (L911-4, R921-1-1 CJA): at the end of the delay
     * the judgment gave ({@code injunctionDeadline}, rule {@code INJUNCTION_EXPIRY}), else 3 months
     * after its notification ({@code JUDGMENT_ENFORCEMENT} from {@code judgmentDate}). The caller
     * times its enforcement task on {@code ${deadlines.timer(execution, enforcementRule, 'enforcementFrom')}}.
     */
    public void executionRequested(VariableScope execution) {
        Object injunction = execution.getVariable("injunctionDeadline");
        boolean set = !blank(injunction);
        execution.setVariable("enforcementRule", set ? "INJUNCTION_EXPIRY" : "JUDGMENT_ENFORCEMENT");
        execution.setVariable("enforcementFrom", set ? injunction : execution.getVariable("judgmentDate"));
    }

    /** The judgment annulled the decision (to re-examine or to issue the card): its execution is asked. */
    public boolean annulled(VariableScope execution) {
        Object outcome = execution.getVariable("judgmentOutcome");
        return "ANNULMENT_REEXAMINE".equals(outcome) || "ANNULMENT_ISSUE".equals(outcome);
    }

    // ------------------------------------------------------------------ administrative appeals

    /**
     * The 2 months of silence on an administrative appeal count from the date in {@code dateVariable}:
     * its sending until its receipt is known, then its receipt (L231-4 CRPA; the earlier reading).
     */
    public void silenceFrom(VariableScope execution, String dateVariable) {
        execution.setVariable("implicitRejectionFrom", execution.getVariable(dateVariable));
    }

    /** When the silence becomes an implicit rejection ({@code ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION}). */
    public Date implicitRejection(VariableScope execution) {
        return deadlines.timer(execution, IMPLICIT_REJECTION, "implicitRejectionFrom");
    }

    /** The silence became an implicit rejection: {@code administrativeAppealRejectedDate} is the day it was born. */
    public void implicitlyRejected(VariableScope execution) {
        execution.setVariable(
                "administrativeAppealRejectedDate",
                deadlines.date(execution, IMPLICIT_REJECTION, "implicitRejectionFrom"));
    }

    /** The answer rejects the appeal: {@code administrativeAppealRejectedDate} is the answer's notification. */
    public void rejected(VariableScope execution) {
        execution.setVariable(
                "administrativeAppealRejectedDate", execution.getVariable("administrativeAppealAnswerDate"));
    }

    /**
     * A gracious or hierarchical appeal found sent at the deadline's escalation: sent
     * ({@code administrativeAppealSent}), its sending date given ({@code administrativeAppealSentDate})
     * and not after the last day (L411-2 CRPA; {@code ADMINISTRATIVE_APPEAL} from
     * {@code decisionNotifiedDate}; the postmark counts, L112-1 CRPA).
     */
    public boolean administrativeAppealSentInTime(VariableScope execution) {
        return Boolean.TRUE.equals(execution.getVariable("administrativeAppealSent"))
                && !blank(execution.getVariable("administrativeAppealSentDate"))
                && !deadlines.isLate(
                        execution, "ADMINISTRATIVE_APPEAL", "decisionNotifiedDate", "administrativeAppealSentDate");
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    /**
     * {@link #SWITCH} when the restriction just notified shortens the deadline: house arrest or prison
     * ({@code OQTF_HOUSE_ARREST}) or retention ({@code OQTF_RETENTION}, also any other kind: the
     * shortest) against an OQTF deadline ({@code OQTF_ORDINARY}, or {@code OQTF_HOUSE_ARREST} for a
     * retention) that ends later, or that is interrupted by a pending legal-aid request.
     * {@link #CHECK} otherwise: an arrest (a retention may follow), a restriction while no OQTF is
     * known to the appeal, or one whose deadline would end later than the running one.
     */
    public String restrictionEffect(VariableScope execution) {
        String rule = String.valueOf(execution.getVariable(RULE));
        String shorter = shorterRule(execution);
        if (shorter == null || !rule.startsWith("OQTF_") || rule.equals(shorter) || rule.equals("OQTF_RETENTION")) {
            return CHECK;
        }
        if (Boolean.TRUE.equals(execution.getVariable("legalAidPending"))) {
            return SWITCH;
        }
        Date running = due(execution);
        Date restricted = deadlines.due(execution, shorter, "restrictionNotifiedAt");
        return restricted.before(running) ? SWITCH : CHECK;
    }

    /** Applies a {@link #SWITCH}: the shorter rule, counted from the restriction's notification. */
    public void switchDeadline(VariableScope execution) {
        String shorter = shorterRule(execution);
        if (shorter == null) {
            throw new IllegalStateException("appealDeadlines: no deadline to switch to for restrictionKind "
                    + execution.getVariable("restrictionKind"));
        }
        execution.setVariable("contentiousAppealRuleBeforeRestriction", execution.getVariable(RULE));
        execution.setVariable(RULE, shorter);
        execution.setVariable(FROM, execution.getVariable("restrictionNotifiedAt"));
        execution.setVariable("legalAidPending", false);
    }

    /**
     * The rule a restriction brings, or null for an arrest (no deadline of its own): the main process's
     * ({@link OqtfRegime#restrictionRule}: a prison term gives 7 days as a house arrest, L921-1 CESEDA;
     * the former 48 hours for an OQTF notified before 15 July 2024); a restriction of unknown kind, the
     * shortest.
     */
    static String shorterRule(VariableScope execution) {
        Object kind = execution.getVariable("restrictionKind");
        if (kind == null) {
            return "OQTF_RETENTION";
        }
        Object oqtfAt = execution.getVariable("oqtfNotifiedAt");
        return OqtfRegime.restrictionRule(
                kind, oqtfAt != null ? oqtfAt : execution.getVariable("decisionNotifiedDate"));
    }

    /**
     * Half-way between the start of the deadline and its last moment: when the request is not
     * filed by then, the coordinator is reminded (48 hours: after 24 hours).
     */
    public Date halfTime(VariableScope execution) {
        Instant from = instant(execution.getVariable(FROM));
        Instant end = due(execution).toInstant();
        return Date.from(from.plus(Duration.between(from, end).dividedBy(2)));
    }

    /**
     * The start of the running deadline's last day (Paris), never before {@link #halfTime}: the
     * coordinator's last alert while the decision on the court is not taken (48 hours: the start of the
     * day they end, or half-time when that comes later).
     */
    public Date lastDay(VariableScope execution) {
        Instant end = due(execution).toInstant();
        Instant dayStart = end.minusMillis(1)
                .atZone(PARIS)
                .toLocalDate()
                .atStartOfDay(PARIS)
                .toInstant();
        Instant half = halfTime(execution).toInstant();
        return Date.from(dayStart.isBefore(half) ? half : dayStart);
    }

    /**
     * When an offer not yet accepted goes back to the coordinator: {@code offerAcceptanceTime} (an
     * ISO-8601 duration) after now, by default 4 hours against 48 hours, 1 day against 7 days,
     * 3 days against an ordinary OQTF, 5 days against 2 months; never after the deadline.
     */
    public Date offerExpiry(VariableScope execution) {
        Object configured = execution.getVariable("offerAcceptanceTime");
        String rule = String.valueOf(execution.getVariable(RULE));
        Duration wait = configured != null && !configured.toString().isBlank()
                ? Duration.parse(configured.toString())
                : defaultAcceptanceTime(rule);
        Date expiry = Date.from(ClockUtil.getCurrentTime().toInstant().plus(wait));
        Date due = due(execution);
        return expiry.before(due) ? expiry : due;
    }

    static Duration defaultAcceptanceTime(String rule) {
        return switch (rule) {
            case "OQTF_RETENTION" -> Duration.ofHours(4);
            case "OQTF_HOUSE_ARREST" -> Duration.ofDays(1);
            case "OQTF_ORDINARY" -> Duration.ofDays(3);
            default -> Duration.ofDays(5);
        };
    }

    /**
     * Where the deadline-bound part resumes when it is entered again (after a restriction switched
     * the deadline, or after the legal-aid decision): {@code LEGAL_AID} (a legal-aid request sent in
     * time is recorded and its decision awaited: the deadline is interrupted), {@code ASSOCIATION} (the association files),
     * {@code OFFER} (no lawyer has accepted yet), {@code STRATEGY}, else {@code FILE}.
     */
    public String resumeAt(VariableScope execution) {
        if (legalAidInterrupts(execution)) {
            return "LEGAL_AID";
        }
        if ("ASSOCIATION".equals(execution.getVariable("filingBy"))) {
            return "ASSOCIATION";
        }
        if (execution.getVariable("lawyerId") == null) {
            return "OFFER";
        }
        return execution.getVariable("urgentProcedure") == null ? "STRATEGY" : "FILE";
    }

    static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(PARIS).toInstant();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.atZone(PARIS).toInstant();
        }
        if (value == null) {
            throw new IllegalStateException("appealDeadlines: variable contentiousAppealFrom is not set");
        }
        String text = value.toString().trim();
        if (text.length() <= 10) {
            return LocalDate.parse(text).atStartOfDay(PARIS).toInstant();
        }
        try {
            return LocalDateTime.parse(text).atZone(PARIS).toInstant();
        } catch (RuntimeException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }
}
