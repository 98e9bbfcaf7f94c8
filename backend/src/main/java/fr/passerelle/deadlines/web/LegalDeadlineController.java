package fr.passerelle.deadlines.web;

import fr.passerelle.deadlines.Deadline;
import fr.passerelle.deadlines.DeadlineRule;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.deadlines.Venue;
import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.InputRefusal.Fault;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public deadline calculator: the last day (or hour) to act under a rule, from the day of
 * the notification (or filing, or expiry), with the texts it comes from and how it was counted.
 */
@Tag(name = "Legal deadlines")
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
    @Operation(
            operationId = "legalDeadline",
            summary = "Compute a legal deadline",
            description =
                    "Public. A rule counted from a date (a date and time for rules counted in hours), in a department's calendar or at a venue (prefecture, court): docs/deadlines.md.")
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
            throw InputRefusal.invalid(
                    venue ? "department, prefecture or court" : "department",
                    Fault.of(
                            "unknown_place",
                            "names no place known here ({0})",
                            placeNamed(department, prefecture, court)));
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

    private static String placeNamed(String... given) {
        return Arrays.stream(given).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    private static DeadlineRule parseRule(String rule) {
        try {
            return DeadlineRule.valueOf(rule.strip());
        } catch (IllegalArgumentException e) {
            throw InputRefusal.invalid(
                    "rule",
                    Fault.of(
                            "not_choice",
                            "must be one of {0}",
                            Arrays.stream(DeadlineRule.values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    private static LocalDate parseDate(String from) {
        try {
            return from.length() > 10 ? LocalDateTime.parse(from).toLocalDate() : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            throw InputRefusal.invalid(
                    "from", Fault.of("not_date_example", "is not a date such as 2026-01-03 ({0})", from));
        }
    }

    private static LocalDateTime parseDateTime(String from) {
        try {
            return LocalDateTime.parse(from);
        } catch (DateTimeParseException e) {
            throw InputRefusal.invalid(
                    "from",
                    Fault.of(
                            "hours_need_time",
                            "this rule counts hours: give the local date and time of the notification, such as 2026-03-28T10:00 ({0} is not)",
                            from));
        }
    }
}
