package fr.passerelle.deadlines.web;

import fr.passerelle.deadlines.Deadline;
import fr.passerelle.deadlines.DeadlineRule;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.deadlines.Venue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public deadline calculator: the last day (or hour) to act under a rule, from the day of
 * the notification (or filing, or expiry), with the texts it comes from and how it was counted.
 */
@RestController
class LegalDeadlineController {
    /** Without a department: the national calendar, as in any metropolitan department but 57, 67, 68. */
    static final String NATIONAL = "75";

    private final LegalDeadlines deadlines;

    LegalDeadlineController(LegalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    record Answer(
            String rule,
            String kind,
            String from,
            String department,
            String deadline,
            OffsetDateTime endsAt,
            String source,
            String explanation) {}

    /**
     * {@code department}: the person's; {@code prefecture} and {@code court}: the departments of the
     * prefecture that decided and of the tribunal administratif, when they differ (a move): a court
     * deadline then counts the court's holidays (art. 642 CPC; R312-1 CJA), see {@code Venue}.
     */
    @GetMapping("/api/legal-deadlines")
    Answer compute(
            @RequestParam String rule,
            @RequestParam String from,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String prefecture,
            @RequestParam(required = false) String court) {
        DeadlineRule parsedRule = parseRule(rule);
        String calendar = department == null || department.isBlank()
                ? NATIONAL
                : department.strip().toUpperCase();
        boolean venue = prefecture != null && !prefecture.isBlank() || court != null && !court.isBlank();
        Deadline deadline;
        try {
            if (venue) {
                deadline = deadlines.compute(
                        parsedRule,
                        parsedRule.countsHours()
                                ? parseDateTime(from)
                                : parseDate(from).atStartOfDay(),
                        new Venue(department == null ? null : calendar, upper(prefecture), upper(court)));
            } else {
                deadline = parsedRule.countsHours()
                        ? deadlines.compute(parsedRule, parseDateTime(from), calendar)
                        : deadlines.compute(parsedRule, parseDate(from), calendar);
            }
        } catch (IllegalArgumentException e) {
            throw new BadParameter(venue ? "department, prefecture or court" : "department", e.getMessage());
        }
        return new Answer(
                parsedRule.name(),
                parsedRule.kind().name(),
                from,
                department == null ? null : calendar,
                parsedRule.countsHours()
                        ? deadline.dateTime().toString()
                        : deadline.date().toString(),
                deadline.endsAt().toOffsetDateTime(),
                deadline.source(),
                deadline.explanation());
    }

    private static String upper(String department) {
        return department == null || department.isBlank()
                ? null
                : department.strip().toUpperCase();
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.parameter + ": " + e.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty("errors", java.util.Map.of(e.parameter, e.getMessage()));
        return problem;
    }

    private static DeadlineRule parseRule(String rule) {
        try {
            return DeadlineRule.valueOf(rule.strip());
        } catch (IllegalArgumentException e) {
            throw new BadParameter(
                    "rule",
                    "unknown rule '" + rule + "'; known: "
                            + Arrays.stream(DeadlineRule.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static LocalDate parseDate(String from) {
        try {
            return from.length() > 10 ? LocalDateTime.parse(from).toLocalDate() : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw new BadParameter("from", "'" + from + "' is not a date such as 2026-01-03");
        }
    }

    private static LocalDateTime parseDateTime(String from) {
        try {
            return LocalDateTime.parse(from);
        } catch (DateTimeParseException e) {
            throw new BadParameter(
                    "from",
                    "this rule counts hours: give the local date and time of the "
                            + "notification, such as 2026-03-28T10:00 ('" + from + "' is not)");
        }
    }

    static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }
}
