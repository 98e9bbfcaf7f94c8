package fr.passerelle.reporting;

import fr.passerelle.cases.Ground;
import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.InputRefusal.Fault;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters every statistic takes: the period (outcomes, durations and appointment attempts
 * that fall in it; open cases, deadlines and récépissés are as of today), and the cases'
 * prefecture, ground and caseworker (the assignee's user id). Without a period: the last 12
 * months, to today.
 */
public record StatisticsFilter(LocalDate from, LocalDate to, String prefecture, String ground, String caseworker) {
    static final int MAX_YEARS = 10;

    static StatisticsFilter of(
            LocalDate from, LocalDate to, String prefecture, String ground, String caseworker, LocalDate today) {
        Map<String, Fault> faults = new LinkedHashMap<>();
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusMonths(12).plusDays(1);
        if (start.isAfter(end)) {
            faults.put(
                    to != null ? "to" : "from",
                    Fault.of(
                            "before_other",
                            "cannot be before %s (%s)".formatted(start, end),
                            start.toString(),
                            end.toString()));
        } else if (start.plusYears(MAX_YEARS).isBefore(end)) {
            faults.put(
                    "from",
                    Fault.of(
                            "at_least",
                            "must be at least %s".formatted(end.minusYears(MAX_YEARS)),
                            end.minusYears(MAX_YEARS).toString()));
        }
        String groundValue = blank(ground);
        if (groundValue != null
                && Arrays.stream(Ground.values()).noneMatch(g -> g.article().equals(groundValue))) {
            String choices = String.join(
                    ", ", Arrays.stream(Ground.values()).map(Ground::article).toList());
            faults.put("ground", Fault.of("not_choice", "must be one of: " + choices, choices));
        }
        check(faults, "prefecture", prefecture, 200);
        check(faults, "caseworker", caseworker, 100);
        if (!faults.isEmpty()) {
            throw InputRefusal.invalid(faults);
        }
        return new StatisticsFilter(start, end, blank(prefecture), groundValue, blank(caseworker));
    }

    private static void check(Map<String, Fault> faults, String field, String value, int max) {
        if (value != null && value.length() > max) {
            faults.put(field, Fault.of("too_long", "is longer than %d characters".formatted(max), max));
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
