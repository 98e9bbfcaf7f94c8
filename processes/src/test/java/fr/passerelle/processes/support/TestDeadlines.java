package fr.passerelle.processes.support;

import fr.passerelle.processes.Deadlines;
import fr.passerelle.processes.OqtfRegime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process tests' stand-in for the backend's {@code deadlines} bean
 * ({@code fr.passerelle.procedure.ProcessDeadlines} on the rules of {@code fr.passerelle.deadlines},
 * which this module cannot depend on). It offers the five methods of the contract
 * ({@code processes/README.md}, "Deadlines") with plain calendar arithmetic: no public holidays,
 * no weekend extension, the department ignored (it may be absent in tests). The exact dates do not
 * matter to the flow tests: they check that timers and due dates come from this bean, with the
 * rule and the variables the contract names, and that the flow moves on when the timer fires.
 *
 * <p>Rules, from the date {@code d} in the "from" variable:
 * <table>
 *   <caption>Stand-in rules</caption>
 *   <tr><th>rule</th><th>last day (due: end of it; timer: start of the next day)</th></tr>
 *   <tr><td>CONTENTIOUS_APPEAL, ADMINISTRATIVE_APPEAL</td><td>d + 2 months + 1 day</td></tr>
 *   <tr><td>ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION</td><td>d + 2 months (event)</td></tr>
 *   <tr><td>OQTF_ORDINARY</td><td>d + 1 month + 1 day</td></tr>
 *   <tr><td>OQTF_HOUSE_ARREST</td><td>d + 7 days</td></tr>
 *   <tr><td>OQTF_RETENTION, RETENTION_CHALLENGE</td><td>d + 48 hours, to the minute (an hour rule)</td></tr>
 *   <tr><td>IMPLICIT_REFUSAL</td><td>d + 4 months (event: the timer fires at the start of that day)</td></tr>
 *   <tr><td>RECEIPT_RENEWAL</td><td>d − 15 days (event: the start of the day renewal must be asked)</td></tr>
 *   <tr><td>COMMISSION_CONVOCATION</td><td>d − 15 days (the last day a convocation may arrive)</td></tr>
 *   <tr><td>FOLLOW_UP_WEEKLY</td><td>d + 7 days (event)</td></tr>
 *   <tr><td>RECEIPT_EXPIRY, PREFECTURE_DEADLINE</td><td>d itself (the last day of validity, the day the prefecture set)</td></tr>
 *   <tr><td>RENEWAL_WINDOW_OPENS</td><td>d − 4 months (event)</td></tr>
 *   <tr><td>RENEWAL_WINDOW_CLOSES</td><td>d − 2 months</td></tr>
 *   <tr><td>PRINTED_DEADLINE, INJUNCTION_EXPIRY</td><td>d itself</td></tr>
 *   <tr><td>LEGAL_AID_FOLLOW_UP</td><td>d + 1 month (event)</td></tr>
 *   <tr><td>CAA_APPEAL, CAA_APPEAL_OQTF</td><td>d + 2 months + 1 day, d + 1 month + 1 day</td></tr>
 *   <tr><td>COURT_RULING_RETENTION</td><td>d + 144 hours, to the minute (an hour rule)</td></tr>
 *   <tr><td>COURT_RULING_HOUSE_ARREST</td><td>d + 15 days</td></tr>
 *   <tr><td>JUDGMENT_ENFORCEMENT</td><td>d + 3 months (event)</td></tr>
 *   <tr><td>RENEWAL_ONLINE_OPENS, RENEWAL_ONLINE_CLOSES</td><td>d − 120 days (event), d − 60 days</td></tr>
 *   <tr><td>RENEWAL_PREFECTURE_OPENS, RENEWAL_PREFECTURE_CLOSES</td><td>d − 2 months (event), d − 1 day</td></tr>
 *   <tr><td>AGE_LIMITED_GROUND</td><td>the birth date + 19 years − 1 day</td></tr>
 *   <tr><td>ADDRESS_DECLARATION</td><td>d + 3 months</td></tr>
 * </table>
 * For an event rule {@link #timer} is the start of the computed day; for a deadline rule it is
 * the moment the last day is over. Dates are Europe/Paris.
 *
 * <p>Variables may hold ISO strings ({@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm[:ss]}),
 * {@link Date}, {@link LocalDate} or {@link LocalDateTime}. A missing variable is an error: a
 * model that asks for a deadline before the date is known is wrong.
 */
public class TestDeadlines implements Deadlines {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The moment a timer for {@code rule} computed from {@code fromVar} fires. */
    @Override
    public Date timer(VariableScope execution, String rule, String fromVar) {
        Deadline d = compute(rule, read(execution, fromVar, rule));
        if (d.hourRule) {
            return Date.from(d.end.atZone(PARIS).toInstant());
        }
        LocalDate day = d.event ? d.end.toLocalDate() : d.end.toLocalDate().plusDays(1);
        return Date.from(day.atStartOfDay(PARIS).toInstant());
    }

    /** The end of the last day to act (a task's due date). */
    @Override
    public Date due(VariableScope execution, String rule, String fromVar) {
        Deadline d = compute(rule, read(execution, fromVar, rule));
        if (d.hourRule) {
            return Date.from(d.end.atZone(PARIS).toInstant());
        }
        return endOfDay(d.end.toLocalDate());
    }

    /** The deadline's date as an ISO string ({@code yyyy-MM-ddTHH:mm} for an hour rule). */
    @Override
    public String date(VariableScope execution, String rule, String fromVar) {
        Deadline d = compute(rule, read(execution, fromVar, rule));
        return d.hourRule
                ? d.end.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT))
                : d.end.toLocalDate().toString();
    }

    /** True when the date in {@code actualVar} is after the deadline computed from {@code fromVar}. */
    @Override
    public boolean isLate(VariableScope execution, String rule, String fromVar, String actualVar) {
        Deadline d = compute(rule, read(execution, fromVar, rule));
        LocalDateTime actual = read(execution, actualVar, rule);
        return d.hourRule ? actual.isAfter(d.end) : actual.toLocalDate().isAfter(d.end.toLocalDate());
    }

    /** The start of the date in {@code dateVar}, Europe/Paris (a timer on an entered date). */
    @Override
    public Date at(VariableScope execution, String dateVar) {
        return Date.from(
                read(execution, dateVar, "at").toLocalDate().atStartOfDay(PARIS).toInstant());
    }

    /**
     * Stand-in courts: Alsace-Moselle's departments go to {@code STRASBOURG} (sitting in 67), every other
     * department to a court {@code TA-<department>} sitting there.
     */
    @Override
    public String courtFor(String department) {
        if (department == null || department.isBlank()) {
            return null;
        }
        return java.util.Set.of("57", "67", "68").contains(department) ? "STRASBOURG" : "TA-" + department;
    }

    @Override
    public String courtSeat(String court) {
        if ("STRASBOURG".equals(court)) {
            return "67";
        }
        return court != null && court.startsWith("TA-") ? court.substring(3) : null;
    }

    /** The end of a day, Europe/Paris: the last millisecond before the next day starts. */
    public static Date endOfDay(LocalDate day) {
        return Date.from(day.plusDays(1).atStartOfDay(PARIS).toInstant().minusMillis(1));
    }

    /** The start of a day, Europe/Paris. */
    public static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(PARIS).toInstant());
    }

    private record Deadline(LocalDateTime end, boolean event, boolean hourRule) {}

    static Deadline compute(String rule, LocalDateTime from) {
        LocalDateTime day = from.toLocalDate().atStartOfDay();
        return switch (rule) {
            case "CONTENTIOUS_APPEAL", "ADMINISTRATIVE_APPEAL" ->
                new Deadline(day.plus(Period.ofMonths(2)).plusDays(1), false, false);
            case "ADMINISTRATIVE_APPEAL_IMPLICIT_REJECTION" -> new Deadline(day.plus(Period.ofMonths(2)), true, false);
            case "OQTF_ORDINARY" -> new Deadline(day.plus(Period.ofMonths(1)).plusDays(1), false, false);
            case "OQTF_HOUSE_ARREST" -> new Deadline(day.plusDays(7), false, false);
            case "OQTF_RETENTION", "RETENTION_CHALLENGE" -> new Deadline(from.plus(Duration.ofHours(48)), false, true);
            case "IMPLICIT_REFUSAL" -> new Deadline(day.plus(Period.ofMonths(4)), true, false);
            case "RECEIPT_RENEWAL" -> new Deadline(day.minusDays(15), true, false);
            case "COMMISSION_CONVOCATION" -> new Deadline(day.minusDays(15), false, false);
            case "FOLLOW_UP_WEEKLY" -> new Deadline(day.plusDays(7), true, false);
            case "RECEIPT_EXPIRY", "PREFECTURE_DEADLINE" -> new Deadline(day, false, false);
            case "RENEWAL_WINDOW_OPENS" -> new Deadline(day.minus(Period.ofMonths(4)), true, false);
            case "RENEWAL_WINDOW_CLOSES" -> new Deadline(day.minus(Period.ofMonths(2)), false, false);
            // issue 18 (appeals after filing and after the judgment, legal aid, printed deadline)
            case "PRINTED_DEADLINE", "INJUNCTION_EXPIRY" -> new Deadline(day, false, false);
            case "LEGAL_AID_FOLLOW_UP" -> new Deadline(day.plus(Period.ofMonths(1)), true, false);
            case "CAA_APPEAL" -> new Deadline(day.plus(Period.ofMonths(2)).plusDays(1), false, false);
            case "CAA_APPEAL_OQTF" -> new Deadline(day.plus(Period.ofMonths(1)).plusDays(1), false, false);
            case "COURT_RULING_RETENTION" -> new Deadline(from.plus(Duration.ofHours(48 + 96)), false, true);
            case "COURT_RULING_HOUSE_ARREST" -> new Deadline(day.plusDays(15), false, false);
            case "JUDGMENT_ENFORCEMENT" -> new Deadline(day.plus(Period.ofMonths(3)), true, false);
            // the renewal window by channel (R431-5 CESEDA)
            case "RENEWAL_ONLINE_OPENS" -> new Deadline(day.minusDays(120), true, false);
            case "RENEWAL_ONLINE_CLOSES" -> new Deadline(day.minusDays(60), false, false);
            case "RENEWAL_PREFECTURE_OPENS" -> new Deadline(day.minus(Period.ofMonths(2)), true, false);
            case "RENEWAL_PREFECTURE_CLOSES" -> new Deadline(day.minusDays(1), false, false);
            case "AGE_LIMITED_GROUND" -> new Deadline(day.plusYears(19).minusDays(1), false, false);
            case "ADDRESS_DECLARATION" -> new Deadline(day.plusMonths(3), false, false);
            default -> throw new IllegalArgumentException("Unknown deadline rule " + rule);
        };
    }

    static LocalDateTime read(VariableScope execution, String variable, String rule) {
        Object value = execution.getVariable(variable);
        if (value == null) {
            throw new IllegalStateException("deadlines (" + rule + "): variable '" + variable + "' is not set");
        }
        return toDateTime(value);
    }

    /** ISO string, Date, LocalDate, LocalDateTime, ZonedDateTime or OffsetDateTime, in Paris time: as the models read them. */
    public static LocalDateTime toDateTime(Object value) {
        return OqtfRegime.dateTime(value);
    }
}
