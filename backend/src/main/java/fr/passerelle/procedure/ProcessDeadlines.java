package fr.passerelle.procedure;

import fr.passerelle.deadlines.AdministrativeCourt;
import fr.passerelle.deadlines.Deadline;
import fr.passerelle.deadlines.DeadlineRule;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.deadlines.Venue;
import fr.passerelle.processes.Deadlines;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The bean {@code deadlines} of the BPMN models (processes/README.md): every timer date and
 * task due date comes from the legal rules of {@link LegalDeadlines}, counted from a process
 * variable, in the calendar of the case's department (variable {@code department}).
 */
@Component("deadlines")
public class ProcessDeadlines implements Deadlines {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Without a department: the national calendar (any metropolitan department but 57, 67, 68). */
    private static final String NATIONAL = "75";

    private final LegalDeadlines rules;

    ProcessDeadlines(LegalDeadlines rules) {
        this.rules = rules;
    }

    /** When a timer on the rule fires: the moment the deadline is missed, or the event or reminder day starts. */
    @Override
    public Date timer(VariableScope execution, String rule, String fromVariable) {
        return Date.from(compute(execution, rule, fromVariable).timerAt().toInstant());
    }

    /** A task's due date: the last moment to act (the last second of the last day, or the exact hour). */
    @Override
    public Date due(VariableScope execution, String rule, String fromVariable) {
        Deadline deadline = compute(execution, rule, fromVariable);
        return Date.from(
                deadline.rule().countsHours()
                        ? deadline.endsAt().toInstant()
                        : deadline.endsAt().toInstant().minusSeconds(1));
    }

    /** The deadline's date, ISO (e.g. the day an implicit refusal was born). */
    @Override
    public String date(VariableScope execution, String rule, String fromVariable) {
        return compute(execution, rule, fromVariable).date().toString();
    }

    /** Whether the date in {@code actualVariable} comes after the deadline counted from {@code fromVariable}. */
    @Override
    public boolean isLate(VariableScope execution, String rule, String fromVariable, String actualVariable) {
        return compute(execution, rule, fromVariable)
                .isLate(dateTime(execution, actualVariable).toLocalDate());
    }

    /** The start of the date in {@code dateVariable}, Paris time (an appointment, a meeting, a hearing). */
    @Override
    public Date at(VariableScope execution, String dateVariable) {
        return Date.from(dateTime(execution, dateVariable)
                .toLocalDate()
                .atStartOfDay(PARIS)
                .toInstant());
    }

    @Override
    public String courtFor(String department) {
        return AdministrativeCourt.competentFor(department).map(Enum::name).orElse(null);
    }

    @Override
    public String courtSeat(String court) {
        return AdministrativeCourt.named(court).map(AdministrativeCourt::seat).orElse(null);
    }

    private Deadline compute(VariableScope execution, String rule, String fromVariable) {
        DeadlineRule parsed;
        try {
            parsed = DeadlineRule.valueOf(rule);
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("Unknown deadline rule '" + rule + "' in a process model");
        }
        LocalDateTime from = dateTime(execution, fromVariable);
        return rules.compute(parsed, from, venue(execution));
    }

    /**
     * Where the deadline counts (art. 642 CPC: the holidays of the place of the act): the case's department
     * ({@code department}, the person's now), the deciding prefecture's ({@code prefectureDepartment}, set
     * with the decision: the competent court is its, R312-1 CJA) and the court's ({@code courtDepartment})
     * when known; {@link LegalDeadlines#compute(DeadlineRule, LocalDateTime, Venue)} takes the calendar the
     * rule names, the earlier date when more than one may apply.
     */
    static Venue venue(VariableScope execution) {
        return new Venue(
                text(execution, "department", NATIONAL),
                text(execution, "prefectureDepartment", null),
                text(execution, "courtDepartment", null));
    }

    private static String text(VariableScope execution, String name, String absent) {
        return execution.getVariable(name) instanceof String code && !code.isBlank() ? code : absent;
    }

    /**
     * A date variable as forms and the backend write it: an ISO date ({@code 2026-03-02}, read as
     * the start of that day: for an hour rule, the earliest end) or an ISO local date-time.
     */
    private static LocalDateTime dateTime(VariableScope execution, String name) {
        Object value = execution.getVariable(name);
        if (value instanceof String text && !text.isBlank()) {
            if (text.length() <= 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(text).atZoneSameInstant(PARIS).toLocalDateTime();
            }
        }
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), PARIS);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        throw new ProcessEngineException("A deadline needs the date variable '" + name + "', which is "
                + (value == null ? "not set" : "not a date: " + value));
    }
}
