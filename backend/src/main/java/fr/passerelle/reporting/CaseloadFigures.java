package fr.passerelle.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One association's figures as the queries return them, before they are shown: counts per key,
 * and durations as histograms (days to number of cases) so that several associations' figures
 * add up exactly, medians and percentiles included, without any case leaving its association.
 */
final class CaseloadFigures {
    final Map<String, Long> openByStep = new TreeMap<>();
    final Map<String, Long> openByGround = new TreeMap<>();
    long overdue;
    long dueIn7Days;
    long dueIn30Days;
    /** month (yyyy-MM) then outcome */
    final Map<String, Map<String, Long>> outcomesByMonth = new TreeMap<>();
    /** prefecture ("" when not given) then outcome */
    final Map<String, Map<String, Long>> outcomesByPrefecture = new TreeMap<>();

    final TreeMap<Integer, Long> filingToDecision = new TreeMap<>();
    final TreeMap<Integer, Long> refusalToAppealOutcome = new TreeMap<>();
    /** assignee id ("" when unassigned) */
    final Map<String, Workload> workload = new LinkedHashMap<>();

    long receiptsExpired;
    long receiptsIn7Days;
    long receiptsIn30Days;
    final Map<String, Long> failedAttemptsByPrefecture = new TreeMap<>();

    static final class Workload {
        String name;
        long openCases;
        long openTasks;
        long overdueTasks;
    }

    void add(CaseloadFigures other) {
        merge(openByStep, other.openByStep);
        merge(openByGround, other.openByGround);
        overdue += other.overdue;
        dueIn7Days += other.dueIn7Days;
        dueIn30Days += other.dueIn30Days;
        other.outcomesByMonth.forEach((k, v) -> merge(outcomesByMonth.computeIfAbsent(k, x -> new TreeMap<>()), v));
        other.outcomesByPrefecture.forEach(
                (k, v) -> merge(outcomesByPrefecture.computeIfAbsent(k, x -> new TreeMap<>()), v));
        other.filingToDecision.forEach((k, v) -> filingToDecision.merge(k, v, Long::sum));
        other.refusalToAppealOutcome.forEach((k, v) -> refusalToAppealOutcome.merge(k, v, Long::sum));
        receiptsExpired += other.receiptsExpired;
        receiptsIn7Days += other.receiptsIn7Days;
        receiptsIn30Days += other.receiptsIn30Days;
        merge(failedAttemptsByPrefecture, other.failedAttemptsByPrefecture);
        // the workload names staff of one association: never merged across associations
    }

    /**
     * Adds the figures of another part of the same association's statistics (the queries read in
     * separate transactions): as {@link #add}, the caseworkers' workload included.
     */
    void absorb(CaseloadFigures part) {
        add(part);
        part.workload.forEach((id, w) -> {
            Workload into = workload.computeIfAbsent(id, k -> new Workload());
            if (w.name != null) {
                into.name = w.name;
            }
            into.openCases += w.openCases;
            into.openTasks += w.openTasks;
            into.overdueTasks += w.overdueTasks;
        });
    }

    private static <K> void merge(Map<K, Long> into, Map<K, Long> from) {
        from.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    /**
     * The p-th percentile of a histogram, interpolated between the two nearest values as
     * PostgreSQL's percentile_cont does: position p*(n-1) in the sorted values. Null when empty.
     */
    static Double percentile(TreeMap<Integer, Long> histogram, double p) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double position = p * (n - 1);
        long lower = (long) Math.floor(position);
        double fraction = position - lower;
        Integer below = valueAt(histogram, lower);
        Integer above = fraction == 0 ? below : valueAt(histogram, lower + 1);
        return below + fraction * (above - below);
    }

    private static Integer valueAt(TreeMap<Integer, Long> histogram, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        return histogram.lastKey();
    }

    static long count(Map<Integer, Long> histogram) {
        return histogram.values().stream().mapToLong(Long::longValue).sum();
    }

    static List<String> keys(Map<String, Map<String, Long>> nested) {
        return new ArrayList<>(nested.keySet());
    }
}
