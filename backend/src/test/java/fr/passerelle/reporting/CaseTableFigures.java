package fr.passerelle.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics computed from the cases themselves, as the service did before the counters
 * (V70): every open case, outcome and attempt of the association read at each call. The
 * reference the counters must equal ({@link StatisticsCountersTest}).
 */
final class CaseTableFigures {
    private static final String DECISIONS = "('GRANTED', 'REFUSED', 'REFUSED_WITH_OQTF', 'IMPLICIT_REFUSAL')";
    private static final String REFUSALS = "('REFUSED', 'REFUSED_WITH_OQTF', 'IMPLICIT_REFUSAL')";
    private final JdbcTemplate jdbc;

    CaseTableFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CaseloadFigures figures(StatisticsFilter filter, Instant now, LocalDate today, boolean withWorkload) {
        CaseloadFigures figures = new CaseloadFigures();
        parts(filter, now, today, withWorkload).forEach(part -> part.accept(figures));
        return figures;
    }

    /**
     * The statistics' queries, each writing its own figures into the figures it is given: they
     * are independent of one another, so they may run in separate transactions (each with the
     * association bound) and their figures be added up ({@link CaseloadFigures#absorb}).
     */
    private static Object[] then(StatisticsQueries.CaseFilter f, Object... last) {
        List<Object> all = new ArrayList<>(f.args());
        all.addAll(List.of(last));
        return all.toArray();
    }

    private List<Consumer<CaseloadFigures>> parts(
            StatisticsFilter filter, Instant now, LocalDate today, boolean withWorkload) {
        List<Consumer<CaseloadFigures>> parts = new ArrayList<>();
        StatisticsQueries.CaseFilter f = StatisticsQueries.CaseFilter.of(filter);
        // One pass over the open cases: by step, by ground, by assignee (the workload), and, in the
        // grand total, the récépissés expiring (FILTER on the same rows).
        Date day = Date.valueOf(today);
        // GROUPING's bits: step, ground, assignee (1 = not grouped by it); without the workload,
        // the same bits with the assignee's always 1
        String grouping = withWorkload
                ? "COALESCE(c.assignee_id, '') AS assignee, "
                        + "GROUPING(COALESCE(c.step, 'preparation'), c.ground, COALESCE(c.assignee_id, '')) AS grouping"
                : "'' AS assignee, GROUPING(COALESCE(c.step, 'preparation'), c.ground) * 2 + 1 AS grouping";
        parts.add(figures -> jdbc.query(
                """
                SELECT COALESCE(c.step, 'preparation') AS step, c.ground, """ + grouping + """
                , max(c.assignee_name) AS name, count(*) AS n,
                       count(*) FILTER (WHERE c.receipt_expires_on < ?) AS expired,
                       count(*) FILTER (WHERE c.receipt_expires_on >= ? AND c.receipt_expires_on < ?) AS in7,
                       count(*) FILTER (WHERE c.receipt_expires_on >= ? AND c.receipt_expires_on < ?) AS in30
                FROM app.cases c WHERE c.status <> 'CLOSED'""" + f.sql() + """
                 GROUP BY GROUPING SETS ((COALESCE(c.step, 'preparation')), (c.ground), ()""" + (withWorkload ? ", (COALESCE(c.assignee_id, '')))" : ")"),
                row -> {
                    switch (row.getInt("grouping")) {
                        case 0b011 -> figures.openByStep.put(row.getString("step"), row.getLong("n"));
                        case 0b101 -> figures.openByGround.put(row.getString("ground"), row.getLong("n"));
                        case 0b110 -> {
                            var w = figures.workload.computeIfAbsent(
                                    row.getString("assignee"), k -> new CaseloadFigures.Workload());
                            w.name = row.getString("name");
                            w.openCases = row.getLong("n");
                        }
                        default -> {
                            figures.receiptsExpired = row.getLong("expired");
                            figures.receiptsIn7Days = row.getLong("in7");
                            figures.receiptsIn30Days = row.getLong("in30");
                        }
                    }
                },
                f.with(day, day, Date.valueOf(today.plusDays(7)), day, Date.valueOf(today.plusDays(30)))));

        Timestamp at = Timestamp.from(now);
        parts.add(figures -> jdbc.query(
                """
                SELECT count(*) FILTER (WHERE t.due < ?) AS overdue,
                       count(*) FILTER (WHERE t.due >= ? AND t.due < ?) AS in7,
                       count(*) FILTER (WHERE t.due >= ? AND t.due < ?) AS in30
                FROM app.open_tasks t""" + f.tasksJoin() + " WHERE t.due < ?" + f.sql(),
                row -> {
                    figures.overdue = row.getLong("overdue");
                    figures.dueIn7Days = row.getLong("in7");
                    figures.dueIn30Days = row.getLong("in30");
                },
                f.with(
                        at,
                        at,
                        Timestamp.from(now.plus(7, ChronoUnit.DAYS)),
                        at,
                        Timestamp.from(now.plus(30, ChronoUnit.DAYS)),
                        Timestamp.from(now.plus(30, ChronoUnit.DAYS)))));

        Date from = Date.valueOf(filter.from());
        Date to = Date.valueOf(filter.to());
        parts.add(figures -> jdbc.query(
                """
                SELECT to_char(o.outcome_on, 'YYYY-MM') AS month, COALESCE(c.prefecture, '') AS prefecture, o.outcome,
                       GROUPING(to_char(o.outcome_on, 'YYYY-MM')) AS by_prefecture, count(*) AS n
                FROM app.case_outcomes o JOIN app.cases c ON c.tenant_id = o.tenant_id AND c.id = o.case_id
                WHERE o.outcome_on BETWEEN ? AND ?""" + f.sql() + """
                 GROUP BY GROUPING SETS ((to_char(o.outcome_on, 'YYYY-MM'), o.outcome),
                                         (COALESCE(c.prefecture, ''), o.outcome))""",
                row -> {
                    var into = row.getInt("by_prefecture") == 1
                            ? figures.outcomesByPrefecture.computeIfAbsent(
                                    row.getString("prefecture"), k -> new TreeMap<>())
                            : figures.outcomesByMonth.computeIfAbsent(row.getString("month"), k -> new TreeMap<>());
                    into.put(row.getString("outcome"), row.getLong("n"));
                },
                f.with(from, to)));

        // Per case, in one pass over its outcomes: the first decision on or after the filing, and
        // the first appeal outcome on or after the first refusal (a window over the case's outcomes).
        parts.add(figures -> jdbc.query(
                """
                WITH o AS (
                    SELECT o.case_id, o.outcome, o.outcome_on, c.filed_on,
                           min(o.outcome_on) FILTER (WHERE o.outcome IN %s) OVER (PARTITION BY o.case_id) AS first_refusal
                    FROM app.case_outcomes o JOIN app.cases c ON c.tenant_id = o.tenant_id AND c.id = o.case_id
                    WHERE true%s),
                per_case AS (
                    SELECT min(o.filed_on) AS filed_on, min(o.first_refusal) AS first_refusal,
                           min(o.outcome_on) FILTER (WHERE o.outcome IN %s AND o.outcome_on >= o.filed_on) AS decided_on,
                           min(o.outcome_on) FILTER (WHERE o.outcome IN ('APPEAL_WON', 'APPEAL_LOST')
                                                       AND o.outcome_on >= o.first_refusal) AS appeal_on
                    FROM o GROUP BY o.case_id)
                SELECT d.kind, d.days, count(*) AS n FROM per_case p
                CROSS JOIN LATERAL (VALUES ('F', p.decided_on, p.decided_on - p.filed_on),
                                           ('A', p.appeal_on, p.appeal_on - p.first_refusal)) d (kind, ended_on, days)
                WHERE d.ended_on BETWEEN ? AND ? GROUP BY d.kind, d.days""".formatted(REFUSALS, f.sql(), DECISIONS),
                (org.springframework.jdbc.core.RowCallbackHandler) row -> ("F".equals(row.getString("kind"))
                                ? figures.filingToDecision
                                : figures.refusalToAppealOutcome)
                        .put(row.getInt("days"), row.getLong("n")),
                then(f, from, to)));

        if (withWorkload) {
            parts.add(figures -> jdbc.query(
                    """
                    SELECT t.assignee, count(*) AS n, count(*) FILTER (WHERE t.due < ?) AS late
                    FROM app.open_tasks t""" + f.tasksJoin() + " WHERE t.assignee IS NOT NULL" + f.sql() + " GROUP BY t.assignee",
                    row -> {
                        var w = figures.workload.computeIfAbsent(
                                row.getString("assignee"), k -> new CaseloadFigures.Workload());
                        w.openTasks = row.getLong("n");
                        w.overdueTasks = row.getLong("late");
                    },
                    f.with(at)));
        }

        parts.add(figures -> jdbc.query(
                """
                SELECT COALESCE(c.prefecture, '') AS prefecture, count(*) AS n
                FROM app.appointment_attempts a JOIN app.cases c ON c.tenant_id = a.tenant_id AND c.id = a.case_id
                WHERE a.result <> 'SLOT_OBTAINED' AND a.attempted_at >= ? AND a.attempted_at < ?""" + f.sql() + " GROUP BY COALESCE(c.prefecture, '')",
                (org.springframework.jdbc.core.RowCallbackHandler)
                        row -> figures.failedAttemptsByPrefecture.put(row.getString("prefecture"), row.getLong("n")),
                f.with(
                        Timestamp.valueOf(filter.from().atStartOfDay()),
                        Timestamp.valueOf(filter.to().plusDays(1).atStartOfDay()))));
        return parts;
    }
}
