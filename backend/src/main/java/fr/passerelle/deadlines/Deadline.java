package fr.passerelle.deadlines;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A computed deadline.
 *
 * @param rule        the rule it was computed with
 * @param date        for {@link DeadlineRule.Kind#DEADLINE} rules the last day to act; for
 *                    {@link DeadlineRule.Kind#EVENT} rules the day the event happens (an implicit
 *                    decision is born); for {@link DeadlineRule.Kind#REMINDER} rules the day to act by.
 *                    For hour rules, the local date of {@code endsAt}.
 * @param dateTime    hour rules only ({@link DeadlineRule#countsHours()}): the local date-time after
 *                    which it is missed, in the department's time zone (Europe/Paris in metropolitan
 *                    France); null for the other rules
 * @param endsAt      the instant after which it is missed: the end of {@code date} (midnight after
 *                    it), or the exact instant for hour rules; for events, the instant the event is
 *                    deemed to happen (the start of {@code date})
 * @param timerAt     when a BPMN timer must fire: {@code endsAt} for deadlines; the start of
 *                    {@code date} for events and reminders
 * @param source      the texts and decisions applied, including interruptions and former rules
 * @param explanation how it was counted, in French, for the people who act on it
 */
public record Deadline(
        DeadlineRule rule,
        LocalDate date,
        LocalDateTime dateTime,
        ZonedDateTime endsAt,
        ZonedDateTime timerAt,
        String source,
        String explanation) {

    public Deadline {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(timerAt, "timerAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether something done on {@code actual} comes after {@link #date()}. */
    public boolean isLate(LocalDate actual) {
        return Objects.requireNonNull(actual, "actual").isAfter(date);
    }

    Deadline withExplanation(String newExplanation) {
        return new Deadline(rule, date, dateTime, endsAt, timerAt, source, newExplanation);
    }

    Deadline withSourceAndExplanation(String newSource, String newExplanation) {
        return new Deadline(rule, date, dateTime, endsAt, timerAt, newSource, newExplanation);
    }
}
