package fr.passerelle.alerts;

import fr.passerelle.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of the messages to an applicant (their reminders, issue 23), sent by the same dispatcher as the
 * staff's reminders, with the same retries ({@link ReminderDispatcher}). The caller (the status module) has
 * the applicant's consent and writes the message in their language; this only keeps and sends it. Only the
 * channel {@code EMAIL} is sent today; the channel is kept so that text messages can be added with a provider.
 */
@Service
public class ApplicantOutbox {
    public static final String EMAIL = "EMAIL";
    private final JdbcTemplate jdbc;

    ApplicantOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to the case's applicant. */
    public record Message(String channel, String address, String language, String subject, String body) {}

    /**
     * Queues the message under its key, unless one with that key was queued for the case already (sent,
     * pending or cancelled); true when queued.
     */
    @Transactional
    public boolean queue(UUID caseId, String key, Instant sendAt, Message message) {
        return jdbc.update(
                        """
                        INSERT INTO app.applicant_messages (tenant_id, case_id, channel, address, language, subject,
                                                            body, send_key, send_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, case_id, send_key) DO NOTHING""",
                        Tenancy.current().slug(),
                        caseId,
                        message.channel(),
                        message.address(),
                        message.language(),
                        message.subject(),
                        message.body(),
                        key,
                        Timestamp.from(sendAt))
                > 0;
    }

    /** Cancels the case's messages not sent yet on that channel (a withdrawn consent); how many. */
    @Transactional
    public int cancel(UUID caseId, String channel) {
        return jdbc.update(
                "UPDATE app.applicant_messages SET status = 'CANCELLED' WHERE case_id = ? AND channel = ? "
                        + "AND status = 'PENDING'",
                caseId,
                channel);
    }

    /** Deletes every message written to the cases' applicant (their anonymisation); how many. */
    @Transactional
    public int forget(List<UUID> caseIds) {
        String[] cases = caseIds.stream().map(Object::toString).toArray(String[]::new);
        return jdbc.update("DELETE FROM app.applicant_messages WHERE case_id = ANY (?::uuid[])", (Object) cases);
    }
}
