package fr.passerelle.processes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
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
 *       accept an offer ({@link #offerExpiry}).
 * </ul>
 *
 * Variables: {@code contentiousAppealRule}, {@code contentiousAppealFrom} (processes/README.md),
 * {@code restrictionKind} ({@code ARREST}, {@code HOUSE_ARREST}, {@code RETENTION}),
 * {@code restrictionNotifiedAt} (ISO date-time, Paris), {@code legalAidPending},
 * {@code offerAcceptanceTime} (ISO-8601 duration, optional).
 */
public class AppealDeadlines {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String RULE = "contentiousAppealRule";
    static final String FROM = "contentiousAppealFrom";

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
        if (execution.getVariable(FROM) == null) {
            Object oqtfAt = execution.getVariable("oqtfNotifiedAt");
            execution.setVariable(
                    FROM, oqtf && oqtfAt != null ? oqtfAt : execution.getVariable("decisionNotifiedDate"));
        }
    }

    /**
     * {@link #SWITCH} when the restriction just notified shortens the deadline: house arrest
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
        Date running = deadlines.due(execution, rule, FROM);
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

    /** The rule a restriction brings, or null for an arrest (no deadline of its own). */
    static String shorterRule(VariableScope execution) {
        Object kind = execution.getVariable("restrictionKind");
        if ("ARREST".equals(kind)) {
            return null;
        }
        return "HOUSE_ARREST".equals(kind) ? "OQTF_HOUSE_ARREST" : "OQTF_RETENTION";
    }

    /**
     * Half-way between the start of the deadline and its last moment: when the request is not
     * filed by then, the coordinator is reminded (48 hours: after 24 hours).
     */
    public Date halfTime(VariableScope execution) {
        Instant from = instant(execution.getVariable(FROM));
        Instant end = deadlines
                .due(execution, String.valueOf(execution.getVariable(RULE)), FROM)
                .toInstant();
        return Date.from(from.plus(Duration.between(from, end).dividedBy(2)));
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
        Date due = deadlines.due(execution, rule, FROM);
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
     * the deadline, or after the legal-aid decision): {@code ASSOCIATION} (the association files),
     * {@code OFFER} (no lawyer has accepted yet), {@code STRATEGY}, else {@code FILE}.
     */
    public String resumeAt(VariableScope execution) {
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
