package fr.passerelle.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The bean {@code appointmentLog} of appointment.bpmn: every booking attempt is kept with the case
 * (the backend writes it to its own table, in the engine's transaction; engine history expires),
 * and after {@code threshold} failed attempts within {@code window} (by default 3 over 4 weeks,
 * counted back from the latest) the coordinator is offered a référé "mesures utiles" ordering the
 * prefecture to give an appointment (L521-3 CJA; CE avis 10 oct. 2024 n° 493514), with the
 * attempts as a dated list ({@code failedAttemptsLog}).
 *
 * <p>Process variables {@code failedAttemptsThreshold} (a number) and {@code failedAttemptsWindowDays}
 * override the bean's configuration for a case.
 */
public abstract class AppointmentLog {

    /** One attempt as the caseworker recorded it (form appointment-booking-attempt). */
    public record Attempt(LocalDateTime at, String channel, String result, String evidence) {
        public boolean failed() {
            return !"SLOT_OBTAINED".equals(result);
        }
    }

    public static final int DEFAULT_THRESHOLD = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(28);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);
    private static final Map<String, String> CHANNELS = Map.of(
            "PREFECTURE_WEBSITE",
            "site de la préfecture",
            "ANEF",
            "ANEF",
            "PHONE",
            "téléphone",
            "EMAIL",
            "courriel",
            "COUNTER",
            "guichet",
            "OTHER",
            "autre");
    private static final Map<String, String> RESULTS = Map.of(
            "SLOT_OBTAINED",
            "créneau obtenu",
            "NO_SLOT",
            "aucun créneau",
            "SERVICE_UNAVAILABLE",
            "service indisponible",
            "NO_ANSWER",
            "pas de réponse",
            "REFUSED",
            "refus de rendez-vous",
            "OTHER",
            "autre");

    private final int threshold;
    private final Duration window;

    protected AppointmentLog(int threshold, Duration window) {
        if (threshold < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "appointmentLog: threshold >= 1 and a positive window, not " + threshold + " and " + window);
        }
        this.threshold = threshold;
        this.window = window;
    }

    /** Keeps the attempt with the case, in the current (engine) transaction. */
    protected abstract void store(String caseId, String tenantId, String processInstanceId, Attempt attempt);

    /** The case's attempts, oldest first. */
    protected abstract List<Attempt> attempts(String caseId);

    /** Task listener (complete) of recordBookingAttempt: the attempt just recorded. */
    public void record(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        Object at = task.getVariable("attemptAt");
        Attempt attempt = new Attempt(
                at == null ? LocalDateTime.ofInstant(task.getCreateTime().toInstant(), PARIS) : dateTime(at),
                text(task.getVariable("attemptChannel")),
                text(task.getVariable("attemptResult")),
                text(task.getVariable("attemptEvidence")));
        store(execution.getProcessBusinessKey(), task.getTenantId(), execution.getProcessInstanceId(), attempt);
    }

    /**
     * True once per case when the failed attempts within the window reach the threshold: sets
     * {@code usefulMeasuresProposed}, {@code failedAttemptsCount} and {@code failedAttemptsLog}.
     */
    public boolean referralDue(VariableScope execution) {
        if (Boolean.TRUE.equals(execution.getVariable("usefulMeasuresProposed"))) {
            return false;
        }
        int n = execution.getVariable("failedAttemptsThreshold") instanceof Number number
                ? number.intValue()
                : threshold;
        Duration within = execution.getVariable("failedAttemptsWindowDays") instanceof Number days
                ? Duration.ofDays(days.longValue())
                : window;
        List<Attempt> failed =
                recentFailures(attempts(((DelegateExecution) execution).getProcessBusinessKey()), within);
        if (failed.size() < n) {
            return false;
        }
        execution.setVariable("usefulMeasuresProposed", true);
        execution.setVariable("failedAttemptsCount", failed.size());
        execution.setVariable("failedAttemptsLog", datedList(failed));
        return true;
    }

    /**
     * The failed attempts made on or after the day {@code window} (whole days) before the latest
     * attempt's day, oldest first: 4 weeks back from Monday 30 March includes Monday 2 March.
     */
    static List<Attempt> recentFailures(List<Attempt> attempts, Duration window) {
        if (attempts.isEmpty()) {
            return List.of();
        }
        LocalDateTime latest =
                attempts.stream().map(Attempt::at).max(LocalDateTime::compareTo).orElseThrow();
        LocalDate since = latest.toLocalDate().minusDays(window.toDays());
        return attempts.stream()
                .filter(Attempt::failed)
                .filter(a -> !a.at().toLocalDate().isBefore(since))
                .toList();
    }

    /** The attempts as a dated list, one line each, for the référé's request and the case file. */
    public static String datedList(List<Attempt> attempts) {
        StringBuilder list = new StringBuilder();
        for (Attempt attempt : attempts) {
            list.append("- ")
                    .append(DAY.format(attempt.at()))
                    .append(" : ")
                    .append(CHANNELS.getOrDefault(attempt.channel(), String.valueOf(attempt.channel())))
                    .append(", ")
                    .append(RESULTS.getOrDefault(attempt.result(), String.valueOf(attempt.result())));
            if (attempt.evidence() != null && !attempt.evidence().isBlank()) {
                list.append(" (preuve : ").append(attempt.evidence().strip()).append(")");
            }
            list.append('\n');
        }
        return list.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static LocalDateTime dateTime(Object value) {
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), PARIS);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        String text = value.toString().trim();
        if (text.length() <= 10) {
            return LocalDate.parse(text).atStartOfDay();
        }
        try {
            return LocalDateTime.parse(text);
        } catch (RuntimeException e) {
            return OffsetDateTime.parse(text).atZoneSameInstant(PARIS).toLocalDateTime();
        }
    }
}
