package fr.passerelle.alerts;

import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.platform.MemberDirectory;
import fr.passerelle.platform.MemberDirectory.Contact;
import fr.passerelle.procedure.OpenTasks;
import fr.passerelle.security.Role;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.AssociationTime;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: on every node, every few seconds, each association in turn. One reminder per
 * transaction: it is claimed with {@code FOR UPDATE SKIP LOCKED} (another node skips it and takes
 * the next), sent, and marked sent before the commit releases it, so two nodes never send the
 * same one and a node that stops before sending leaves it to the next run, on any node. SMTP
 * failures are counted and retried with a doubling delay; after the last attempt the reminder is
 * FAILED, listed for the coordinators ({@link AlertController}). What is left to the mail
 * system: a node that dies after the SMTP server accepted a message but before its commit sends it
 * again (the header {@code X-Passerelle-Reminder} names the reminder, for a filter to drop it).
 */
@Component
class ReminderDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatcher.class);
    static final String HEADER = "X-Passerelle-Reminder";
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"',;:()]+@[^\\s<>\"',;:()]+");
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JavaMailSender mail;
    private final MemberDirectory directory;
    private final OpenTasks tasks;
    private final AlertProperties properties;
    private final Clock clock;
    private final AssociationScope scope;

    ReminderDispatcher(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            JavaMailSender mail,
            MemberDirectory directory,
            OpenTasks tasks,
            AlertProperties properties,
            Clock clock,
            AssociationScope scope) {
        this.scope = scope;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.mail = mail;
        this.directory = directory;
        this.tasks = tasks;
        this.properties = properties;
    }

    private record Reminder(
            long id,
            String tenantId,
            String taskId,
            String taskName,
            String taskNameEn,
            String rule,
            ZoneId zone,
            Instant due,
            String threshold,
            Instant sendAt,
            int attempts) {}

    @Scheduled(fixedDelayString = "${passerelle.alerts.interval:PT30S}", initialDelayString = "PT15S")
    void scheduled() {
        if (properties.dispatch()) {
            try {
                dispatchDue();
                dispatchDigests();
            } catch (RuntimeException e) {
                LOG.warn("Reminders not dispatched this time: {}", e.toString());
            }
        }
    }

    /** Sends every reminder due by the engine's clock; the number of mails sent. */
    int dispatchDue() {
        int mails = 0;
        for (String association : associations()) {
            Integer sent;
            while ((sent = inAssociation(association, () -> sendOne(association))) != null) {
                mails += sent;
            }
            while ((sent = inAssociation(association, () -> sendToApplicant(association))) != null) {
                mails += sent;
            }
        }
        return mails;
    }

    /**
     * Claims, sends and marks one due message to an applicant ({@link ApplicantOutbox}), retried like a
     * reminder; null when none is left to send now.
     */
    private Integer sendToApplicant(String association) {
        Instant now = now();
        var claimed = jdbc.queryForList("""
                SELECT id, address, language, subject, body, send_key, attempts FROM app.applicant_messages
                WHERE tenant_id = ? AND status = 'PENDING' AND channel = 'EMAIL' AND send_at <= ?
                  AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY send_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""", association, Timestamp.from(now), Timestamp.from(now));
        if (claimed.isEmpty()) {
            return null;
        }
        var row = claimed.get(0);
        long id = ((Number) row.get("id")).longValue();
        int attempts = ((Number) row.get("attempts")).intValue();
        try {
            send(
                    new InternetAddress((String) row.get("address")),
                    (String) row.get("subject"),
                    (String) row.get("body"),
                    "applicant/" + id + "/" + row.get("send_key"),
                    (String) row.get("language"));
            jdbc.update(
                    "UPDATE app.applicant_messages SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                    Timestamp.from(now),
                    id);
            return 1;
        } catch (RuntimeException | MessagingException e) {
            int made = attempts + 1;
            String error = withoutAddresses(e.getClass().getSimpleName() + ": " + e.getMessage());
            jdbc.update(
                    "UPDATE app.applicant_messages SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? "
                            + "WHERE id = ?",
                    made >= properties.maxAttempts() ? "FAILED" : "PENDING",
                    made,
                    error.length() > 500 ? error.substring(0, 500) : error,
                    Timestamp.from(now.plus(properties.retryDelay(made))),
                    id);
            LOG.info("Message {} to an applicant not sent ({}), attempt {}", id, error, made);
            return 0;
        }
    }

    /** Makes today's digests (from the digest hour on) and sends them; the number of mails sent. */
    int dispatchDigests() {
        Instant now = now();
        var local = now.atZone(AssociationTime.ZONE);
        int mails = 0;
        for (String association : associations()) {
            if (local.getHour() >= properties.digestHour()) {
                inAssociation(association, () -> jdbc.update("""
                        INSERT INTO app.digests (tenant_id, user_id, day)
                        SELECT tenant_id, user_id, ? FROM app.alert_settings WHERE digest ON CONFLICT DO NOTHING""", local.toLocalDate()));
            }
            Integer sent;
            while ((sent = inAssociation(association, () -> sendDigest(association))) != null) {
                mails += sent;
            }
        }
        return mails;
    }

    private <T> T inAssociation(String association, java.util.function.Supplier<T> work) {
        return scope.call(association, () -> transactions.execute(status -> work.get()));
    }

    private List<String> associations() {
        return jdbc.queryForList("SELECT slug FROM app.associations ORDER BY slug", String.class);
    }

    /** Claims, sends and marks one due reminder; null when none is left to send now. */
    private Integer sendOne(String association) {
        Instant now = now();
        List<Reminder> claimed = jdbc.query(
                """
                SELECT id, tenant_id, task_id, task_name, task_name_en, rule, zone, due, threshold, send_at, attempts
                FROM app.reminders
                WHERE tenant_id = ? AND status = 'PENDING' AND send_at <= ?
                  AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY send_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (row, n) -> new Reminder(
                        row.getLong("id"),
                        row.getString("tenant_id"),
                        row.getString("task_id"),
                        row.getString("task_name"),
                        row.getString("task_name_en"),
                        row.getString("rule"),
                        ZoneId.of(row.getString("zone")),
                        row.getTimestamp("due").toInstant(),
                        row.getString("threshold"),
                        row.getTimestamp("send_at").toInstant(),
                        row.getInt("attempts")),
                association,
                Timestamp.from(now),
                Timestamp.from(now));
        if (claimed.isEmpty()) {
            return null;
        }
        Reminder reminder = claimed.get(0);
        Boolean later = jdbc.queryForObject(
                """
                SELECT EXISTS (SELECT 1 FROM app.reminders WHERE task_id = ? AND due = ? AND status = 'PENDING'
                               AND send_at <= ? AND send_at > ?)""",
                Boolean.class,
                reminder.taskId(),
                Timestamp.from(reminder.due()),
                Timestamp.from(now),
                Timestamp.from(reminder.sendAt()));
        if (Boolean.TRUE.equals(later)) {
            // the service was down past two thresholds: the later reminder says it all
            return close(reminder, "CANCELLED", "superseded by a later reminder of the same deadline", null, now);
        }
        var holders = tasks.holders(reminder.taskId());
        if (holders.isEmpty()) {
            return close(reminder, "CANCELLED", "the task is no longer open", null, now);
        }
        try {
            List<Contact> recipients = recipients(association, holders.get());
            if (recipients.isEmpty()) {
                return close(
                        reminder,
                        "FAILED",
                        "nobody to send it to: no assignee, candidate or coordinator with an e-mail address",
                        null,
                        now);
            }
            Set<String> digest = digestUsers(recipients);
            List<Contact> single = recipients.stream()
                    .filter(c -> !digest.contains(c.userId()))
                    .toList();
            if (single.isEmpty()) {
                return close(reminder, "DIGEST", null, addresses(recipients), now);
            }
            var item = new ReminderMail.Item(
                    reminder.taskId(),
                    reminder.taskName(),
                    holders.get().caseReference(),
                    reminder.rule(),
                    reminder.due(),
                    reminder.zone());
            for (Contact contact : single) {
                boolean en = ReminderMail.english(contact.locale());
                var text = ReminderMail.reminder(
                        en && !reminder.taskNameEn().isBlank()
                                ? new ReminderMail.Item(
                                        item.taskId(),
                                        reminder.taskNameEn(),
                                        item.caseReference(),
                                        item.rule(),
                                        item.due(),
                                        item.zone())
                                : item,
                        contact.name(),
                        properties.appBase(),
                        contact.locale());
                send(contact, text, reminder.id() + "/" + reminder.threshold());
            }
            close(reminder, "SENT", null, addresses(single), now);
            return single.size();
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            return retryLater(reminder, e, now);
        }
    }

    /** The task's assignee; else its candidate users; else its candidate groups' members; else the coordinators. */
    private List<Contact> recipients(String association, OpenTasks.Holders holders) {
        Map<String, Contact> found = new LinkedHashMap<>();
        if (holders.assignee() != null) {
            directory.contact(holders.assignee()).ifPresent(c -> found.put(c.userId(), c));
        } else {
            holders.candidateUsers()
                    .forEach(user -> directory.contact(user).ifPresent(c -> found.putIfAbsent(c.userId(), c)));
            if (found.isEmpty()) {
                holders.candidateGroups()
                        .forEach(group ->
                                directory.members(association, group).forEach(c -> found.putIfAbsent(c.userId(), c)));
            }
        }
        if (found.isEmpty()) {
            directory.members(association, Role.COORDINATOR.groupName()).forEach(c -> found.putIfAbsent(c.userId(), c));
        }
        return new ArrayList<>(found.values());
    }

    private Set<String> digestUsers(List<Contact> recipients) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT user_id FROM app.alert_settings WHERE digest AND user_id = ANY (?)", String.class, (Object)
                        recipients.stream().map(Contact::userId).toArray(String[]::new)));
    }

    private void send(Contact contact, ReminderMail.Text text, String reference)
            throws MessagingException, UnsupportedEncodingException {
        send(
                new InternetAddress(contact.email(), contact.name(), "UTF-8"),
                text.subject(),
                text.body(),
                reference,
                ReminderMail.english(contact.locale()) ? "en" : "fr");
    }

    private void send(InternetAddress to, String subject, String body, String reference, String language)
            throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body, false);
        message.setHeader(HEADER, reference);
        message.setHeader("Content-Language", language);
        mail.send(message);
    }

    private int close(Reminder reminder, String status, String error, String recipients, Instant now) {
        jdbc.update(
                "UPDATE app.reminders SET status = ?, last_error = ?, recipients = ?, sent_at = ?, attempts = attempts + ? "
                        + "WHERE id = ?",
                status,
                error,
                recipients,
                "SENT".equals(status) ? Timestamp.from(now) : null,
                "SENT".equals(status) ? 1 : 0,
                reminder.id());
        if ("FAILED".equals(status)) {
            LOG.warn("Reminder {} of task {} failed: {}", reminder.id(), reminder.taskId(), withoutAddresses(error));
        }
        return 0;
    }

    private int retryLater(Reminder reminder, Exception e, Instant now) {
        int attempts = reminder.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        error = error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= properties.maxAttempts()) {
            jdbc.update(
                    "UPDATE app.reminders SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
                    attempts,
                    error,
                    reminder.id());
            LOG.warn(
                    "Reminder {} of task {} given up after {} attempts: {}",
                    reminder.id(),
                    reminder.taskId(),
                    attempts,
                    withoutAddresses(error));
        } else {
            Duration delay = properties.retryDelay(attempts);
            jdbc.update(
                    "UPDATE app.reminders SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                    attempts,
                    error,
                    Timestamp.from(now.plus(delay)),
                    reminder.id());
            LOG.info(
                    "Reminder {} not sent ({}), attempt {} again in {}",
                    reminder.id(),
                    withoutAddresses(error),
                    attempts + 1,
                    delay);
        }
        return 0;
    }

    /**
     * An SMTP server's refusal names the address it refused: kept in the reminder's row for the
     * association's coordinators, left out of the logs, which hold no personal data.
     */
    static String withoutAddresses(String error) {
        return error == null ? null : EMAIL.matcher(error).replaceAll("<address>");
    }

    private static String addresses(List<Contact> contacts) {
        return contacts.stream().map(Contact::email).collect(Collectors.joining(", "));
    }

    /** Claims, sends and marks one pending digest; null when none is left. */
    private Integer sendDigest(String association) {
        Instant now = now();
        var claimed = jdbc.queryForList("""
                SELECT user_id, day, attempts FROM app.digests
                WHERE tenant_id = ? AND status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY day, user_id LIMIT 1 FOR UPDATE SKIP LOCKED""", association, Timestamp.from(now));
        if (claimed.isEmpty()) {
            return null;
        }
        String user = (String) claimed.get(0).get("user_id");
        LocalDate day = ((java.sql.Date) claimed.get(0).get("day")).toLocalDate();
        int attempts = ((Number) claimed.get(0).get("attempts")).intValue();
        String where = " WHERE tenant_id = ? AND user_id = ? AND day = ?";
        try {
            var contact = directory.contact(user);
            List<Role> roles = directory.rolesIn(association, user);
            if (contact.isEmpty() || roles.isEmpty()) {
                jdbc.update(
                        "UPDATE app.digests SET status = 'FAILED', last_error = 'not a reachable member'" + where,
                        association,
                        user,
                        day);
                return 0;
            }
            var due = tasks.dueTasks(association, user, Set.copyOf(roles), false, now.plus(Duration.ofDays(7)));
            if (due.isEmpty()) {
                jdbc.update(
                        "UPDATE app.digests SET status = 'SENT', sent_at = ?" + where,
                        Timestamp.from(now),
                        association,
                        user,
                        day);
                return 0;
            }
            boolean en = ReminderMail.english(contact.get().locale());
            List<ReminderMail.Item> overdue = new ArrayList<>();
            List<ReminderMail.Item> coming = new ArrayList<>();
            for (OpenTasks.DueTask task : due) {
                var item = new ReminderMail.Item(
                        task.taskId(),
                        en && !task.nameEn().isBlank() ? task.nameEn() : task.name(),
                        task.caseReference(),
                        task.rule(),
                        task.due(),
                        LegalDeadlines.zoneOf(task.department()));
                (task.due().isBefore(now) ? overdue : coming).add(item);
            }
            send(
                    contact.get(),
                    ReminderMail.digest(
                            overdue,
                            coming,
                            contact.get().name(),
                            properties.appBase(),
                            contact.get().locale(),
                            now,
                            AssociationTime.ZONE),
                    "digest/" + day);
            jdbc.update(
                    "UPDATE app.digests SET status = 'SENT', sent_at = ?, attempts = attempts + 1" + where,
                    Timestamp.from(now),
                    association,
                    user,
                    day);
            return 1;
        } catch (RuntimeException | MessagingException | UnsupportedEncodingException e) {
            int made = attempts + 1;
            jdbc.update(
                    "UPDATE app.digests SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?" + where,
                    made >= properties.maxAttempts() ? "FAILED" : "PENDING",
                    made,
                    String.valueOf(e.getMessage()),
                    Timestamp.from(now.plus(properties.retryDelay(made))),
                    association,
                    user,
                    day);
            return 0;
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
