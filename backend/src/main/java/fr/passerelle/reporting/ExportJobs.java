package fr.passerelle.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.audit.Audit;
import fr.passerelle.procedure.BackgroundJobs;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel exports of the association's statistics and case list, as background jobs: asking for
 * one stores it (QUEUED) and an engine job in the same transaction and answers at once; a job
 * executor thread on any node writes the workbook (streaming, {@link CaseloadWorkbook}),
 * publishing its progress in transactions of their own as it goes, and stores the file with
 * the export; a later job removes the file when its retention is over. Every read is under
 * row-level security: another association's export is not found (404).
 */
@Service
public class ExportJobs {
    private final JdbcTemplate jdbc;
    private final BackgroundJobs jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final Audit audit;

    ExportJobs(JdbcTemplate jdbc, BackgroundJobs jobs, ObjectMapper json, Clock clock, Audit audit) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /** Starts an export for the current association (its coordinators only); names only when asked, and audited. */
    @Transactional
    ExportView start(StatisticsFilter filter, boolean withNames) {
        CurrentAssociation association = CaseloadStatistics.requireCoordinator();
        CurrentUser user = Users.current().orElseThrow();
        UUID id = UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO app.export_jobs (id, tenant_id, requested_by, requested_by_name, with_names, filters, status,
                                             created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, 'QUEUED', ?)""",
                id,
                association.slug(),
                user.id(),
                user.name(),
                withNames,
                write(filter),
                Timestamp.from(clock.instant()));
        String jobId = jobs.send(ExportJobPlugin.RUN, id, association.slug(), null);
        jdbc.update("UPDATE app.export_jobs SET engine_job_id = ? WHERE id = ?", jobId, id);
        audit.read(
                null,
                withNames
                        ? "Excel export WITH applicants' names requested (export " + id + ")"
                        : "Excel export, pseudonymised (export " + id + ")");
        return get(id);
    }

    @Transactional(readOnly = true)
    List<ExportView> list() {
        CaseloadStatistics.requireCoordinator();
        return jdbc.query(SELECT + " ORDER BY created_at DESC LIMIT 20", this::view);
    }

    @Transactional(readOnly = true)
    ExportView get(UUID id) {
        CaseloadStatistics.requireCoordinator();
        List<ExportView> found = jdbc.query(SELECT + " WHERE id = ?", this::view, id);
        if (found.isEmpty()) {
            throw Problem.notFound("export_not_found", id);
        }
        return found.get(0);
    }

    /** The workbook of a finished export still kept: 404 when unknown (or another association's), 409 before it is done. */
    @Transactional // not read-only: it writes the audit log's read entry
    ExportView download(UUID id, OutputStream out) throws IOException {
        ExportView export = get(id);
        if (!"DONE".equals(export.status())) {
            throw "EXPIRED".equals(export.status())
                    ? Problem.notFound("export_expired", id)
                    : Problem.conflict("export_not_done", id);
        }
        jdbc.query(
                "SELECT file FROM app.export_jobs WHERE id = ? AND expires_at > ?",
                (ResultSet rs) -> {
                    if (!rs.next()) {
                        throw Problem.notFound("export_expired", id);
                    }
                    try (InputStream file = rs.getBinaryStream(1)) {
                        file.transferTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                },
                id,
                Timestamp.from(clock.instant()));
        audit.read(null, "Excel export " + id + " downloaded" + (export.withNames() ? " (with names)" : ""));
        return export;
    }

    private static final String SELECT = """
            SELECT id, status, with_names, rows_total, rows_done, file_size, error, requested_by_name, created_at,
                   started_at, finished_at, expires_at FROM app.export_jobs""";

    private ExportView view(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Integer total = (Integer) rs.getObject("rows_total");
        int done = rs.getInt("rows_done");
        String status = rs.getString("status");
        Integer percent = "DONE".equals(status)
                ? Integer.valueOf(100)
                : total == null || total == 0
                        ? (status.equals("RUNNING") ? Integer.valueOf(0) : null)
                        : Integer.valueOf((int) Math.min(99, done * 100L / total));
        return new ExportView(
                id,
                status,
                rs.getBoolean("with_names"),
                total,
                done,
                percent,
                (Long) rs.getObject("file_size"),
                rs.getString("error"),
                rs.getString("requested_by_name"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "expires_at"),
                "DONE".equals(status) ? "/api/exports/" + id + "/file" : null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private String write(StatisticsFilter filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
