package fr.passerelle.audit;

import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.Tenancy;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of case files: every read and every change, by whom and when, in the
 * association's own log (row-level security), readable by its coordinator.
 */
@Service
public class Audit {
    private final JdbcTemplate jdbc;

    Audit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the caller read a case, in the transaction that reads it (which must not be
     * read-only): when that transaction fails, the request fails and nothing was shown. Not in a
     * transaction of its own: a request holding its connection while waiting for a second one
     * could, with enough such requests at once, hold the whole pool and wait for ever.
     */
    @Transactional
    public void read(UUID caseId, String what) {
        insert(caseId, "READ", what);
    }

    /**
     * Records that the caller opened a medical document (health data, GDPR art. 9), as {@code HEALTH_READ}
     * apart from the other reads so a coordinator can list them: who, when, which piece ({@code what}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void healthRead(UUID caseId, String what) {
        insert(caseId, "HEALTH_READ", what);
    }

    /**
     * Records a change in the transaction that makes it, so a change that is rolled back
     * leaves no entry and a change that is committed always has one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(UUID caseId, String action, String detail) {
        insert(caseId, action, detail);
    }

    /**
     * Records what the applicant did through their own status link (a view, a file sent): they have no
     * account, so the actor is {@value #APPLICANT}, in the transaction that does it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void byApplicant(UUID caseId, String action, String detail) {
        insert(caseId, action, detail, APPLICANT, APPLICANT);
    }

    private static final String APPLICANT = "applicant";

    @Transactional(readOnly = true)
    public List<AuditEvent> ofCase(UUID caseId, int limit) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        return jdbc.query("""
                SELECT id, case_id, actor_id, actor_name, action, detail, at FROM app.audit_events
                WHERE case_id = ? ORDER BY at DESC, id DESC LIMIT ?""", (row, i) -> event(row), caseId, limit);
    }

    /**
     * The changes made to a case (its reads, of health documents too, left out), newest first, for the case's timeline.
     * No role check here: the caller (the case file's owner) checks who may see its timeline;
     * who read a case stays in the coordinator's log ({@link #ofCase}).
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> changesOf(UUID caseId, int limit) {
        Tenancy.current();
        return jdbc.query("""
                SELECT id, case_id, actor_id, actor_name, action, detail, at FROM app.audit_events
                WHERE case_id = ? AND action NOT IN ('READ', 'HEALTH_READ') ORDER BY at DESC, id DESC LIMIT ?""", (row, i) -> event(row), caseId, limit);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> latest(int limit) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        return jdbc.query("""
                SELECT id, case_id, actor_id, actor_name, action, detail, at FROM app.audit_events
                ORDER BY at DESC, id DESC LIMIT ?""", (row, i) -> event(row), limit);
    }

    /**
     * An applicant was erased (GDPR art. 17): the details of their cases' entries and of the entries naming
     * the applicant's id are blanked, in the erasure's transaction; the entries themselves (who read or changed
     * what, when) stay. Returns how many entries were blanked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int forget(java.util.Collection<UUID> caseIds, UUID applicantId) {
        Tenancy.current();
        return jdbc.update("""
                UPDATE app.audit_events SET detail = NULL
                WHERE detail IS NOT NULL AND (case_id = ANY (?::uuid[]) OR strpos(detail, ?) > 0)""", caseIds.stream().map(UUID::toString).toArray(String[]::new), applicantId.toString());
    }

    private void insert(UUID caseId, String action, String detail) {
        CurrentUser actor = Users.current().orElse(null);
        insert(
                caseId,
                action,
                detail,
                actor == null ? "system" : actor.id(),
                actor == null ? "Passerelle" : actor.username());
    }

    private void insert(UUID caseId, String action, String detail, String actorId, String actorName) {
        jdbc.update("""
                INSERT INTO app.audit_events (tenant_id, case_id, actor_id, actor_name, action, detail)
                VALUES (?, ?, ?, ?, ?, ?)""", Tenancy.current().slug(), caseId, actorId, actorName, action, detail);
    }

    private static AuditEvent event(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp at = row.getTimestamp("at");
        return new AuditEvent(
                row.getLong("id"),
                row.getObject("case_id", UUID.class),
                row.getString("actor_id"),
                row.getString("actor_name"),
                row.getString("action"),
                row.getString("detail"),
                at.toInstant());
    }
}
