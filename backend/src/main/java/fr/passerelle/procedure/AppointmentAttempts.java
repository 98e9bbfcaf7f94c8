package fr.passerelle.procedure;

import fr.passerelle.processes.AppointmentLog;
import fr.passerelle.tenancy.AssociationScope;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bean {@code appointmentLog} of appointment.bpmn ({@link AppointmentLog}): each booking
 * attempt is a row of {@code app.appointment_attempts}, written in the engine's transaction for
 * the task's association, so it commits with the completed task. The threshold and window of the
 * référé proposal are {@code passerelle.appointments.failed-attempts} (default 3) and
 * {@code passerelle.appointments.failed-attempts-window-days} (default 28).
 */
@Component("appointmentLog")
class AppointmentAttempts extends AppointmentLog {
    private final JdbcTemplate jdbc;
    private final AssociationScope scope;

    AppointmentAttempts(
            JdbcTemplate jdbc,
            AssociationScope scope,
            @Value("${passerelle.appointments.failed-attempts:3}") int threshold,
            @Value("${passerelle.appointments.failed-attempts-window-days:28}") int windowDays) {
        super(threshold, Duration.ofDays(windowDays));
        this.jdbc = jdbc;
        this.scope = scope;
    }

    @Override
    protected void store(String caseId, String tenantId, String processInstanceId, Attempt attempt) {
        scope.run(tenantId, () -> {
            jdbc.update(
                    "INSERT INTO app.appointment_attempts (tenant_id, case_id, process_instance_id, attempted_at, channel,"
                            + " result, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    tenantId,
                    UUID.fromString(caseId),
                    processInstanceId,
                    Timestamp.valueOf(attempt.at()),
                    attempt.channel(),
                    attempt.result() == null ? "OTHER" : attempt.result(),
                    attempt.evidence());
        });
    }

    @Override
    protected List<Attempt> attempts(String caseId) {
        return jdbc.query(
                "SELECT attempted_at, channel, result, evidence FROM app.appointment_attempts"
                        + " WHERE case_id = ? ORDER BY attempted_at, id",
                (row, i) -> new Attempt(
                        row.getTimestamp(1).toLocalDateTime(), row.getString(2), row.getString(3), row.getString(4)),
                UUID.fromString(caseId));
    }

    /** The case's attempts, oldest first (the caller has checked access; row-level security applies). */
    List<Attempt> of(UUID caseId) {
        return attempts(caseId.toString());
    }
}
