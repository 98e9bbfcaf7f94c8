package fr.passerelle.alerts;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Trigger;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.platform.MemberDirectory;
import fr.passerelle.procedure.OpenTasks;
import fr.passerelle.security.Role;
import fr.passerelle.tenancy.AssociationScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal calendar feeds (RFC 5545, written by biweekly). The URL holds the association and a
 * 256-bit random token: the token is the capability, shown once at its creation and stored only
 * as its SHA-256, so the database holds no working URL. One active feed per member and
 * association; a new one revokes the old; a revoked token, an unknown one, or a member who has
 * left the association answers 404. The feed lists only the tasks that member's own task list
 * holds (assigned to them, or offered to their roles or to them by name), each a day's event
 * (an hour's for the 48-hour OQTF) linking to its task, with the same alarms as the e-mail reminders.
 */
@Service
class CalendarFeeds {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern ASSOCIATION = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MemberDirectory directory;
    private final OpenTasks tasks;
    private final AlertProperties properties;
    private final Clock clock;
    private final AssociationScope scope;

    CalendarFeeds(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            MemberDirectory directory,
            OpenTasks tasks,
            AlertProperties properties,
            Clock clock,
            AssociationScope scope) {
        this.scope = scope;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.directory = directory;
        this.tasks = tasks;
        this.properties = properties;
    }

    record Feed(boolean active, Instant created, String url) {}

    /** Whether the member has an active feed (its URL cannot be shown again: only its hash is kept). */
    Feed current(String association, String userId) {
        List<Timestamp> created = jdbc.queryForList("""
                SELECT created FROM app.calendar_feeds WHERE tenant_id = ? AND user_id = ? AND revoked IS NULL""", Timestamp.class, association, userId);
        return created.isEmpty()
                ? new Feed(false, null, null)
                : new Feed(true, created.get(0).toInstant(), null);
    }

    /** A new feed (revoking the member's previous one); the only time its URL is told. */
    Feed create(String association, String userId) {
        return transactions.execute(status -> {
            revoke(association, userId);
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant now = Instant.now();
            jdbc.update(
                    "INSERT INTO app.calendar_feeds (id, tenant_id, user_id, token_hash, created) VALUES (?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    association,
                    userId,
                    hash(token),
                    Timestamp.from(now));
            return new Feed(true, now, properties.appBase() + "/calendar/" + association + "/" + token + ".ics");
        });
    }

    boolean revoke(String association, String userId) {
        return jdbc.update("""
                UPDATE app.calendar_feeds SET revoked = now() WHERE tenant_id = ? AND user_id = ? AND revoked IS NULL""", association, userId) > 0;
    }

    /** The feed's iCalendar text, or empty (404) for anything but an active token of a current member. */
    Optional<String> render(String association, String token) {
        if (!ASSOCIATION.matcher(association).matches() || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return scope.call(
                association,
                () -> transactions.execute(status -> {
                    List<String> users = jdbc.queryForList("""
                    SELECT user_id FROM app.calendar_feeds WHERE tenant_id = ? AND token_hash = ? AND revoked IS NULL""", String.class, association, hash(token));
                    if (users.isEmpty()) {
                        return Optional.<String>empty();
                    }
                    String user = users.get(0);
                    List<Role> roles = directory.rolesIn(association, user);
                    if (roles.isEmpty()) {
                        return Optional.<String>empty();
                    }
                    Locale locale = directory
                            .contact(user)
                            .map(MemberDirectory.Contact::locale)
                            .orElse(Locale.FRENCH);
                    Instant now = clock.instant();
                    var due =
                            tasks.dueTasks(association, user, Set.copyOf(roles), false, now.plus(Duration.ofDays(400)));
                    return Optional.of(calendar(due, locale));
                }));
    }

    private String calendar(List<OpenTasks.DueTask> due, Locale locale) {
        boolean en = ReminderMail.english(locale);
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Passerelle//Deadlines//" + (en ? "EN" : "FR"));
        calendar.setExperimentalProperty(
                "X-WR-CALNAME", en ? "Passerelle: my deadlines" : "Passerelle : mes échéances");
        for (OpenTasks.DueTask task : due) {
            calendar.addEvent(event(task, en ? Locale.ENGLISH : Locale.FRENCH));
        }
        return Biweekly.write(calendar).go();
    }

    private VEvent event(OpenTasks.DueTask task, Locale locale) {
        boolean en = ReminderMail.english(locale);
        ZoneId zone = LegalDeadlines.zoneOf(task.department());
        String name = en && task.nameEn() != null && !task.nameEn().isBlank() ? task.nameEn() : task.name();
        String link = properties.appBase() + "/tasks/" + task.taskId();
        VEvent event = new VEvent();
        event.setUid(task.taskId() + "@passerelle");
        event.setSummary((RuleNames.isAppointment(task.rule()) ? "" : en ? "Due: " : "Échéance : ") + name + " ("
                + task.caseReference() + ")");
        String source = RuleNames.source(task.rule());
        event.setDescription((en ? "Case " : "Dossier ") + task.caseReference() + " - " + task.applicantName() + "\n"
                + (en ? "By: " : "Échéance : ") + ReminderMail.when(task.due(), zone, locale) + "\n"
                + (en ? "Rule: " : "Règle : ") + RuleNames.name(task.rule(), locale) + "\n"
                + (source.isEmpty() ? "" : "Source : " + source + "\n") + link);
        event.setUrl(link);
        if ("OQTF_RETENTION".equals(task.rule())) {
            event.setDateStart(new DateStart(Date.from(task.due().minus(Duration.ofHours(1))), true));
            event.setDateEnd(new DateEnd(Date.from(task.due()), true));
        } else {
            // a day's event: the local day of the deadline (the end of that day) or of the appointment
            LocalDate day = task.due()
                    .minusSeconds(RuleNames.isAppointment(task.rule()) ? 0 : 1)
                    .atZone(zone)
                    .toLocalDate();
            event.setDateStart(new DateStart(localDay(day), false));
            event.setDateEnd(new DateEnd(localDay(day.plusDays(1)), false));
        }
        for (Instant alarm : alarms(task.rule(), task.due(), zone)) {
            event.addAlarm(VAlarm.display(new Trigger(Date.from(alarm)), (en ? "Deadline: " : "Échéance : ") + name));
        }
        return event;
    }

    /** The e-mail reminders' times (without "at once"), or for 48 hours one day and two hours before. */
    List<Instant> alarms(String rule, Instant due, ZoneId zone) {
        List<Instant> alarms = new ArrayList<>();
        if ("OQTF_RETENTION".equals(rule)) {
            alarms.add(due.minus(Duration.ofHours(24)));
            alarms.add(due.minus(Duration.ofHours(2)));
            return alarms;
        }
        for (Thresholds.Threshold threshold : Thresholds.of(rule, due, Instant.EPOCH, zone, properties.hour())) {
            if (!threshold.name().equals("NOW")) {
                alarms.add(threshold.sendAt());
            }
        }
        return alarms;
    }

    /** biweekly writes a date without time in the JVM's zone: the start of that day there. */
    private static Date localDay(LocalDate day) {
        return Date.from(day.atStartOfDay(TimeZone.getDefault().toZoneId()).toInstant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
