package fr.passerelle.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.procedure.BackgroundJobs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An export's background work ({@link ExportJobPlugin}): the workbook written from the case list, streamed,
 * with its progress in transactions of their own; then, when its retention is over, its file purged. The
 * requests' side (start, list, download) is {@link ExportJobs}.
 */
@Component
class ExportWriting {
    private static final Logger LOG = LoggerFactory.getLogger(ExportWriting.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(300);
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate separately;
    private final CaseloadStatistics statistics;
    private final BackgroundJobs jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;

    ExportWriting(
            JdbcTemplate jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            CaseloadStatistics statistics,
            BackgroundJobs jobs,
            ObjectMapper json,
            Clock clock,
            @Value("${passerelle.reporting.export-retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2000);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.statistics = statistics;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    /** The engine job's work, in its transaction (bound to the association), on whichever node acquired it. */
    void run(UUID id, String tenant) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT status, with_names, filters::text AS filters FROM app.export_jobs WHERE id = ?", id);
        if (rows.isEmpty() || List.of("DONE", "EXPIRED").contains(rows.get(0).get("status"))) {
            return;
        }
        boolean withNames = (Boolean) rows.get(0).get("with_names");
        Instant started = clock.instant();
        Path file = null;
        try {
            StatisticsFilter filter = json.readValue((String) rows.get(0).get("filters"), StatisticsFilter.class);
            CaseList cases = new CaseList(filter, withNames);
            long total = jdbc.queryForObject("SELECT count(*) " + cases.from, Long.class, cases.args());
            separately(
                    tenant,
                    "UPDATE app.export_jobs SET status = 'RUNNING', started_at = ?, rows_total = ?, "
                            + "rows_done = 0, error = NULL WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
                    Timestamp.from(started),
                    total,
                    id);
            Statistics s =
                    Statistics.of("association", tenant, started, filter, statistics.figures(filter, started), false);
            file = Files.createTempFile("passerelle-export-", ".xlsx");
            long[] last = {System.nanoTime()};
            try (OutputStream out = Files.newOutputStream(file)) {
                CaseloadWorkbook.write(s, withNames, cases::forEach, true, out, done -> {
                    if (System.nanoTime() - last[0] >= PROGRESS_EVERY.toNanos()) {
                        last[0] = System.nanoTime();
                        separately(tenant, "UPDATE app.export_jobs SET rows_done = ? WHERE id = ?", done, id);
                    }
                });
            }
            Instant finished = clock.instant();
            Instant expires = finished.plus(retention);
            long size = Files.size(file);
            Path written = file;
            jdbc.update(connection -> {
                var update = connection.prepareStatement("""
                        UPDATE app.export_jobs SET status = 'DONE', file = ?, file_size = ?, rows_done = ?,
                            finished_at = ?, expires_at = ? WHERE id = ? AND status = 'RUNNING'""");
                try {
                    update.setBinaryStream(1, Files.newInputStream(written), size);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                update.setLong(2, size);
                update.setLong(3, total);
                update.setTimestamp(4, Timestamp.from(finished));
                update.setTimestamp(5, Timestamp.from(expires));
                update.setObject(6, id);
                return update;
            });
            jobs.send(ExportJobPlugin.PURGE, id, tenant, expires);
            LOG.info(
                    "Export {} of {}: {} cases, {} bytes in {} ms",
                    id,
                    tenant,
                    total,
                    size,
                    Duration.between(started, finished).toMillis());
        } catch (IOException | RuntimeException e) {
            LOG.error("Export {} of {} failed", id, tenant, e);
            String error = e.getClass().getSimpleName();
            separately(
                    tenant,
                    "UPDATE app.export_jobs SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?",
                    error,
                    Timestamp.from(clock.instant()),
                    id);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}", file, e);
                }
            }
        }
    }

    /** The retention is over: the file goes, the export stays listed as expired. */
    void purge(UUID id, String tenant) {
        jdbc.update("UPDATE app.export_jobs SET status = 'EXPIRED', file = NULL WHERE id = ? AND status = 'DONE'", id);
    }

    /** The cases of the export: those open at some time in the period, with the case filters. */
    private final class CaseList {
        final String from;
        final StatisticsQueries.CaseFilter filter;
        final StatisticsFilter period;
        final boolean withNames;

        CaseList(StatisticsFilter period, boolean withNames) {
            this.period = period;
            this.withNames = withNames;
            this.filter = StatisticsQueries.CaseFilter.of(period);
            this.from = """
                    FROM app.published_cases c JOIN app.published_applicants a ON a.tenant_id = c.tenant_id AND a.id = c.applicant_id
                    WHERE (c.created_at AT TIME ZONE 'Europe/Paris')::date <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?)
                    """ + filter.sql();
        }

        Object[] args() {
            return filter.with(Date.valueOf(period.to()), Date.valueOf(period.from()));
        }

        void forEach(java.util.function.Consumer<CaseRow> consumer) {
            String names = withNames ? "a.last_name, a.first_name" : "NULL AS last_name, NULL AS first_name";
            streaming.query(
                    "SELECT c.reference, " + names + """
                    , c.ground, c.department, c.prefecture, c.status, c.step, c.outcome, c.outcome_on,
                      (c.created_at AT TIME ZONE 'Europe/Paris')::date AS opened_on, c.appointment_on, c.filed_on,
                      c.receipt_expires_on, c.decided_on, c.closed_on, c.assignee_name,
                      (SELECT min(o.outcome_on) FROM app.published_case_outcomes o WHERE o.tenant_id = c.tenant_id
                          AND o.case_id = c.id AND o.outcome IN """ + StatisticsQueries.DECISIONS + """
                           AND o.outcome_on >= c.filed_on) - c.filed_on AS days
                    """ + from
                            + " ORDER BY c.created_at, c.id",
                    (ResultSet rs) -> {
                        consumer.accept(new CaseRow(
                                rs.getString("reference"),
                                rs.getString("last_name"),
                                rs.getString("first_name"),
                                rs.getString("ground"),
                                rs.getString("department"),
                                rs.getString("prefecture"),
                                rs.getString("status"),
                                rs.getString("step"),
                                rs.getString("outcome"),
                                date(rs, "outcome_on"),
                                date(rs, "opened_on"),
                                date(rs, "appointment_on"),
                                date(rs, "filed_on"),
                                date(rs, "receipt_expires_on"),
                                date(rs, "decided_on"),
                                date(rs, "closed_on"),
                                rs.getString("assignee_name"),
                                (Integer) rs.getObject("days")));
                    },
                    args());
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    /** In a transaction of its own, whose connection the job's association scope binds at checkout. */
    private void separately(String tenant, String sql, Object... args) {
        separately.executeWithoutResult(status -> jdbc.update(sql, args));
    }
}
