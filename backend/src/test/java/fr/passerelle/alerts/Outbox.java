package fr.passerelle.alerts;

import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox's rows as the tests read them (in accueil-lyon, under row-level security). */
final class Outbox {
    private Outbox() {}

    /** Cancels what earlier tests left pending in every association, so only this test's reminders are sent. */
    static void quiet(JdbcTemplate jdbc) {
        for (String association : jdbc.queryForList("SELECT slug FROM app.associations", String.class)) {
            in(
                    association,
                    () -> jdbc.update("UPDATE app.reminders SET status = 'CANCELLED' WHERE status = 'PENDING'"));
            in(association, () -> jdbc.update("UPDATE app.digests SET status = 'SENT' WHERE status = 'PENDING'"));
        }
    }

    static List<Map<String, Object>> rows(JdbcTemplate jdbc, String taskId) {
        return in(
                AlertCases.ASSOCIATION,
                () -> jdbc.queryForList(
                        "SELECT * FROM app.reminders WHERE task_id = ? ORDER BY due, send_at, id", taskId));
    }

    static Map<String, Object> row(JdbcTemplate jdbc, String taskId, String threshold) {
        return in(
                AlertCases.ASSOCIATION,
                () -> jdbc.queryForMap(
                        "SELECT * FROM app.reminders WHERE task_id = ? AND threshold = ? AND status <> 'CANCELLED'",
                        taskId,
                        threshold));
    }

    static List<String> sendTimes(JdbcTemplate jdbc, String taskId) {
        return rows(jdbc, taskId).stream()
                .map(row -> row.get("threshold") + "@" + ((Timestamp) row.get("send_at")).toInstant())
                .toList();
    }

    /** The header value of the reminder's message. */
    static String reference(JdbcTemplate jdbc, String taskId, String threshold) {
        return row(jdbc, taskId, threshold).get("id") + "/" + threshold;
    }

    static String reference(JdbcTemplate jdbc, String taskId, String threshold, Instant due) {
        return in(
                        AlertCases.ASSOCIATION,
                        () -> jdbc.queryForObject(
                                "SELECT id FROM app.reminders WHERE task_id = ? AND threshold = ? AND due = ?",
                                Long.class,
                                taskId,
                                threshold,
                                Timestamp.from(due)))
                + "/" + threshold;
    }

    static void setAttempts(JdbcTemplate jdbc, String taskId, String threshold, int attempts) {
        in(
                AlertCases.ASSOCIATION,
                () -> jdbc.update(
                        "UPDATE app.reminders SET attempts = ? WHERE task_id = ? AND threshold = ? AND status = 'PENDING'",
                        attempts,
                        taskId,
                        threshold));
    }

    static <T> T in(String association, java.util.function.Supplier<T> work) {
        return Tenancy.runAs(new CurrentAssociation(association, Set.of()), work);
    }
}
