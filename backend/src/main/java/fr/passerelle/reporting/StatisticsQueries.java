package fr.passerelle.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The statistics' SQL, run for the association bound to the transaction: no query names a
 * tenant, row-level security restricts every one of them to the current association's rows.
 * Open cases, outcomes, durations and failed attempts are read from the counters kept by the
 * database as cases change (V70: {@code app.stats_*}, keyed by the case filters, so that each
 * table is read under the alias {@code c} with the cases' filters); deadlines and the workload's
 * tasks from the task read model; the récépissés from the open cases expiring within 30 days.
 * Definitions (docs/api-reporting.md): an open case is one not closed; a deadline is an open
 * task's due date; an outcome falls in the period by its date; filing to decision runs from the
 * filing date to the first decision on or after it; refusal to appeal outcome from the first
 * refusal to the first appeal outcome on or after it.
 */
@Component
class StatisticsQueries {
    static final String DECISIONS = "('GRANTED', 'REFUSED', 'REFUSED_WITH_OQTF', 'IMPLICIT_REFUSAL')";
    private final JdbcTemplate jdbc;

    StatisticsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters on the case (alias c) as SQL, and their arguments. */
    record CaseFilter(String sql, List<Object> args) {
        static CaseFilter of(StatisticsFilter filter) {
            StringBuilder sql = new StringBuilder();
            List<Object> args = new ArrayList<>();
            if (filter.prefecture() != null) {
                sql.append(" AND c.prefecture = ?");
                args.add(filter.prefecture());
            }
            if (filter.ground() != null) {
                sql.append(" AND c.ground = ?");
                args.add(filter.ground());
            }
            if (filter.caseworker() != null) {
                sql.append(" AND c.assignee_id = ?");
                args.add(filter.caseworker());
            }
            return new CaseFilter(sql.append(" ").toString(), args);
        }

        /**
         * The join from the open tasks to their cases, only when a case filter needs it: without
         * one, the tasks' own index on (association, due date) answers alone.
         */
        String tasksJoin() {
            return args.isEmpty()
                    ? ""
                    : " JOIN app.published_cases c ON c.tenant_id = t.tenant_id AND c.id = t.case_id";
        }

        Object[] with(Object... first) {
            List<Object> all = new ArrayList<>(List.of(first));
            all.addAll(args);
            return all.toArray();
        }
    }

    CaseloadFigures figures(StatisticsFilter filter, Instant now, LocalDate today, boolean withWorkload) {
        CaseloadFigures figures = new CaseloadFigures();
        CaseFilter f = CaseFilter.of(filter);
        // open cases by step, by ground and by assignee (the workload), from their counters
        String grouping = withWorkload
                ? "c.assignee_id AS assignee, GROUPING(c.step, c.ground, c.assignee_id) AS grouping"
                : "'' AS assignee, GROUPING(c.step, c.ground) * 2 + 1 AS grouping";
        jdbc.query(
                "SELECT c.step, c.ground, " + grouping + ", max(c.assignee_name) AS name, sum(c.cases) AS n"
                        + " FROM app.stats_open_cases c WHERE true" + f.sql()
                        + " GROUP BY GROUPING SETS ((c.step), (c.ground)" + (withWorkload ? ", (c.assignee_id))" : ")")
                        + " HAVING sum(c.cases) > 0",
                row -> {
                    switch (row.getInt("grouping")) {
                        case 0b011 -> figures.openByStep.put(row.getString("step"), row.getLong("n"));
                        case 0b101 -> figures.openByGround.put(row.getString("ground"), row.getLong("n"));
                        default -> {
                            var w = figures.workload.computeIfAbsent(
                                    row.getString("assignee"), k -> new CaseloadFigures.Workload());
                            w.name = row.getString("name");
                            w.openCases = row.getLong("n");
                        }
                    }
                },
                f.args().toArray());

        // the récépissés of open cases, expired or ending within 30 days (a partial index holds them)
        Date day = Date.valueOf(today);
        Date in7 = Date.valueOf(today.plusDays(7));
        Date in30 = Date.valueOf(today.plusDays(30));
        jdbc.query(
                """
                SELECT count(*) FILTER (WHERE c.receipt_expires_on < ?) AS expired,
                       count(*) FILTER (WHERE c.receipt_expires_on >= ? AND c.receipt_expires_on < ?) AS in7,
                       count(*) FILTER (WHERE c.receipt_expires_on >= ?) AS in30
                FROM app.published_cases c
                WHERE c.status <> 'CLOSED' AND c.receipt_expires_on IS NOT NULL AND c.receipt_expires_on < ?""" + f.sql(),
                row -> {
                    figures.receiptsExpired = row.getLong("expired");
                    figures.receiptsIn7Days = row.getLong("in7");
                    figures.receiptsIn30Days = row.getLong("in30");
                },
                f.with(day, day, in7, day, in30));

        Timestamp at = Timestamp.from(now);
        jdbc.query(
                """
                SELECT count(*) FILTER (WHERE t.due < ?) AS overdue,
                       count(*) FILTER (WHERE t.due >= ? AND t.due < ?) AS in7,
                       count(*) FILTER (WHERE t.due >= ? AND t.due < ?) AS in30
                FROM app.published_open_tasks t""" + f.tasksJoin() + " WHERE t.due < ?" + f.sql(),
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
                        Timestamp.from(now.plus(30, ChronoUnit.DAYS))));

        Date from = Date.valueOf(filter.from());
        Date to = Date.valueOf(filter.to());
        jdbc.query(
                """
                SELECT to_char(c.day, 'YYYY-MM') AS month, c.prefecture, c.outcome,
                       GROUPING(to_char(c.day, 'YYYY-MM')) AS by_prefecture, sum(c.cases) AS n
                FROM app.stats_outcomes c
                WHERE c.day BETWEEN ? AND ?""" + f.sql() + """
                 GROUP BY GROUPING SETS ((to_char(c.day, 'YYYY-MM'), c.outcome), (c.prefecture, c.outcome))
                 HAVING sum(c.cases) > 0""",
                row -> {
                    var into = row.getInt("by_prefecture") == 1
                            ? figures.outcomesByPrefecture.computeIfAbsent(
                                    row.getString("prefecture"), k -> new TreeMap<>())
                            : figures.outcomesByMonth.computeIfAbsent(row.getString("month"), k -> new TreeMap<>());
                    into.put(row.getString("outcome"), row.getLong("n"));
                },
                f.with(from, to));

        jdbc.query(
                """
                SELECT c.kind, c.days, sum(c.cases) AS n FROM app.stats_durations c
                WHERE c.ended_on BETWEEN ? AND ?""" + f.sql() + " GROUP BY c.kind, c.days HAVING sum(c.cases) > 0",
                (RowCallbackHandler) row -> ("F".equals(row.getString("kind"))
                                ? figures.filingToDecision
                                : figures.refusalToAppealOutcome)
                        .put(row.getInt("days"), row.getLong("n")),
                f.with(from, to));

        if (withWorkload) {
            jdbc.query(
                    """
                    SELECT t.assignee, count(*) AS n, count(*) FILTER (WHERE t.due < ?) AS late
                    FROM app.published_open_tasks t""" + f.tasksJoin() + " WHERE t.assignee IS NOT NULL" + f.sql() + " GROUP BY t.assignee",
                    row -> {
                        var w = figures.workload.computeIfAbsent(
                                row.getString("assignee"), k -> new CaseloadFigures.Workload());
                        w.openTasks = row.getLong("n");
                        w.overdueTasks = row.getLong("late");
                    },
                    f.with(at));
        }

        jdbc.query(
                """
                SELECT c.prefecture, sum(c.attempts) AS n FROM app.stats_failed_attempts c
                WHERE c.day BETWEEN ? AND ?""" + f.sql() + " GROUP BY c.prefecture HAVING sum(c.attempts) > 0",
                (RowCallbackHandler)
                        row -> figures.failedAttemptsByPrefecture.put(row.getString("prefecture"), row.getLong("n")),
                f.with(from, to));
        return figures;
    }
}
