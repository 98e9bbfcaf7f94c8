package fr.passerelle.platform;

import fr.passerelle.security.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's own log: what platform admins did to associations and their members. Kept apart
 * from the associations' logs ({@code fr.passerelle.audit}): it is written before an association
 * exists, read by platform admins who belong to none, and holds no case contents.
 */
@Component
class PlatformAudit {
    private final JdbcTemplate jdbc;

    PlatformAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry of the platform's log. */
    record Entry(
            long id,
            String association,
            String actorId,
            String actorName,
            String action,
            String targetUserId,
            String detail,
            Instant at) {}

    /**
     * Records a change in the transaction that makes it: a change rolled back (Keycloak refused)
     * leaves no entry, a committed one always has one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(CurrentUser actor, String association, String action, String targetUserId, String detail) {
        jdbc.update("""
                INSERT INTO app.platform_audit_events (association, actor_id, actor_name, action, target_user_id, detail)
                VALUES (?, ?, ?, ?, ?, ?)""", association, actor.id(), actor.username(), action, targetUserId, detail);
    }

    /** The newest entries, of one association or of all. */
    @Transactional(readOnly = true)
    List<Entry> latest(String association, int limit) {
        PlatformAdmins.require();
        String select = "SELECT id, association, actor_id, actor_name, action, target_user_id, detail, at"
                + " FROM app.platform_audit_events";
        return association == null
                ? jdbc.query(select + " ORDER BY at DESC, id DESC LIMIT ?", PlatformAudit::entry, limit)
                : jdbc.query(
                        select + " WHERE association = ? ORDER BY at DESC, id DESC LIMIT ?",
                        PlatformAudit::entry,
                        association,
                        limit);
    }

    private static Entry entry(ResultSet row, int index) throws SQLException {
        return new Entry(
                row.getLong("id"),
                row.getString("association"),
                row.getString("actor_id"),
                row.getString("actor_name"),
                row.getString("action"),
                row.getString("target_user_id"),
                row.getString("detail"),
                row.getTimestamp("at").toInstant());
    }
}
