package fr.passerelle.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The statistics as the API serves them (docs/api-reporting.md). For the platform, every count
 * from 1 to 4 is left out (null: "fewer than 5"), and where a list would let a left-out count be
 * worked back from the others and their total, the next smallest is left out with it; durations
 * on fewer than 5 cases give no median; the caseworkers' workload is the association's only.
 */
public record Statistics(
        String scope,
        String association,
        Instant generatedAt,
        Filters filters,
        Integer suppressedBelow,
        OpenCases openCases,
        Deadlines deadlines,
        Outcomes outcomes,
        Durations durations,
        List<WorkloadRow> workload,
        Receipts receipts,
        List<Cell> failedAttemptsByPrefecture) {
    static final int THRESHOLD = 5;

    public record Filters(LocalDate from, LocalDate to, String prefecture, String ground, String caseworker) {}

    public record Cell(String key, Long count) {}

    public record OpenCases(Long total, List<Cell> byStep, List<Cell> byGround) {}

    public record Deadlines(Long overdue, Long next7Days, Long next30Days) {}

    /** key: the month (yyyy-MM) or the prefecture ("" when the case names none). */
    public record OutcomeRow(String key, String outcome, Long count) {}

    public record Outcomes(List<OutcomeRow> byMonth, List<OutcomeRow> byPrefecture) {}

    public record Duration(Long cases, Double medianDays, Double p90Days) {}

    public record Durations(Duration filingToDecision, Duration refusalToAppealOutcome) {}

    public record WorkloadRow(String assigneeId, String name, long openCases, long openTasks, long overdueTasks) {}

    public record Receipts(Long expired, Long next7Days, Long next30Days) {}

    static Statistics of(
            String scope,
            String association,
            Instant now,
            StatisticsFilter filter,
            CaseloadFigures figures,
            boolean suppress) {
        Function<Long, Long> cell = n -> suppress && n > 0 && n < THRESHOLD ? null : n;
        long open =
                figures.openByStep.values().stream().mapToLong(Long::longValue).sum();
        List<WorkloadRow> workload = null;
        if (!suppress) {
            workload = new ArrayList<>();
            for (Map.Entry<String, CaseloadFigures.Workload> e : figures.workload.entrySet()) {
                CaseloadFigures.Workload w = e.getValue();
                workload.add(new WorkloadRow(
                        e.getKey().isEmpty() ? null : e.getKey(), w.name, w.openCases, w.openTasks, w.overdueTasks));
            }
            workload.sort(Comparator.comparing(WorkloadRow::openCases)
                    .reversed()
                    .thenComparing(w -> w.name() == null ? "" : w.name()));
        }
        return new Statistics(
                scope,
                association,
                now,
                new Filters(filter.from(), filter.to(), filter.prefecture(), filter.ground(), filter.caseworker()),
                suppress ? THRESHOLD : null,
                new OpenCases(
                        cell.apply(open), cells(figures.openByStep, suppress), cells(figures.openByGround, suppress)),
                new Deadlines(
                        cell.apply(figures.overdue), cell.apply(figures.dueIn7Days), cell.apply(figures.dueIn30Days)),
                new Outcomes(
                        outcomeRows(figures.outcomesByMonth, suppress),
                        outcomeRows(figures.outcomesByPrefecture, suppress)),
                new Durations(
                        duration(figures.filingToDecision, suppress),
                        duration(figures.refusalToAppealOutcome, suppress)),
                workload,
                new Receipts(
                        cell.apply(figures.receiptsExpired),
                        cell.apply(figures.receiptsIn7Days),
                        cell.apply(figures.receiptsIn30Days)),
                cells(figures.failedAttemptsByPrefecture, suppress));
    }

    private static Duration duration(java.util.TreeMap<Integer, Long> histogram, boolean suppress) {
        long n = CaseloadFigures.count(histogram);
        if (suppress && n > 0 && n < THRESHOLD) {
            return new Duration(null, null, null);
        }
        return new Duration(n, CaseloadFigures.percentile(histogram, 0.5), CaseloadFigures.percentile(histogram, 0.9));
    }

    private static List<Cell> cells(Map<String, Long> counts, boolean suppress) {
        List<String> keys = new ArrayList<>(counts.keySet());
        List<Long> values = suppressed(keys.stream().map(counts::get).toList(), suppress);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            cells.add(new Cell(keys.get(i), values.get(i)));
        }
        return cells;
    }

    /** Rows per key and outcome; suppression runs along each outcome's column (its total is known). */
    private static List<OutcomeRow> outcomeRows(Map<String, Map<String, Long>> byKey, boolean suppress) {
        TreeSet<String> outcomes = new TreeSet<>();
        byKey.values().forEach(m -> outcomes.addAll(m.keySet()));
        List<OutcomeRow> rows = new ArrayList<>();
        for (String outcome : outcomes) {
            List<String> keys = byKey.entrySet().stream()
                    .filter(e -> e.getValue().containsKey(outcome))
                    .map(Map.Entry::getKey)
                    .toList();
            List<Long> values =
                    suppressed(keys.stream().map(k -> byKey.get(k).get(outcome)).toList(), suppress);
            for (int i = 0; i < keys.size(); i++) {
                rows.add(new OutcomeRow(keys.get(i), outcome, values.get(i)));
            }
        }
        rows.sort(Comparator.comparing(OutcomeRow::key).thenComparing(OutcomeRow::outcome));
        return rows;
    }

    /**
     * Primary suppression (1 to 4 left out), then complementary: a single left-out cell could be
     * worked back from the total, so the smallest shown non-zero cell goes too.
     */
    static List<Long> suppressed(List<Long> counts, boolean suppress) {
        List<Long> result = new ArrayList<>(counts);
        if (!suppress) {
            return result;
        }
        int hidden = 0;
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i) > 0 && result.get(i) < THRESHOLD) {
                result.set(i, null);
                hidden++;
            }
        }
        if (hidden == 1) {
            int smallest = -1;
            for (int i = 0; i < result.size(); i++) {
                Long v = result.get(i);
                if (v != null && v > 0 && (smallest < 0 || v < result.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                result.set(smallest, null);
            }
        }
        return result;
    }
}
