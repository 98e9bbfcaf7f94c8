package fr.passerelle.alerts;

import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.procedure.OpenTasks;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.InputRefusal.Fault;
import fr.passerelle.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts' API (docs/alerts.md): the deadlines view, the member's calendar feed and digest
 * setting, the reminders that could not be delivered (coordinators), and the feed itself.
 */
@Tag(name = "Deadlines and reminders")
@RestController
class AlertController {
    private static final Set<String> DEADLINE_PARAMETERS = Set.of("scope", "days");
    private final OpenTasks tasks;
    private final CalendarFeeds feeds;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AlertController(OpenTasks tasks, CalendarFeeds feeds, JdbcTemplate jdbc, Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.feeds = feeds;
        this.jdbc = jdbc;
    }

    record DeadlineItem(
            String taskId,
            UUID caseId,
            String caseReference,
            String applicantName,
            String step,
            String taskKey,
            String name,
            String nameEn,
            String assignee,
            Instant due,
            boolean overdue,
            String rule,
            String ruleName,
            String ruleNameEn,
            String source,
            boolean appointment) {}

    record Deadlines(String scope, int days, List<DeadlineItem> overdue, List<DeadlineItem> coming) {}

    /** Overdue tasks and those due in the next {@code days} (7 or 30), soonest first: mine, or (coordinators) the association's. */
    @Operation(
            operationId = "deadlinesDue",
            summary = "List the deadlines due",
            description =
                    "Overdue tasks and those due in the next days (7 or 30), soonest first: mine, or (coordinators) the association's.")
    @GetMapping("/api/deadlines")
    Deadlines deadlines(@RequestParam MultiValueMap<String, String> parameters) {
        Map<String, Fault> errors = new TreeMap<>();
        parameters.keySet().stream()
                .filter(name -> !DEADLINE_PARAMETERS.contains(name))
                .forEach(name -> errors.put(name, Fault.of("unknown_field", "is not a field of this request")));
        String scope = parameters.getFirst("scope") == null ? "mine" : parameters.getFirst("scope");
        if (!List.of("mine", "association").contains(scope)) {
            errors.put("scope", Fault.of("not_choice", "must be one of: mine, association", "mine, association"));
        }
        String daysText = parameters.getFirst("days") == null ? "7" : parameters.getFirst("days");
        if (!List.of("7", "30").contains(daysText)) {
            errors.put("days", Fault.of("not_choice", "must be one of: 7, 30", "7, 30"));
        }
        if (!errors.isEmpty()) {
            throw InputRefusal.invalid(errors);
        }
        CurrentAssociation association = Tenancy.current();
        boolean whole = scope.equals("association");
        if (whole) {
            association.requireAnyOf(COORDINATOR);
        }
        int days = Integer.parseInt(daysText);
        Instant now = clock.instant();
        var items = tasks
                .dueTasks(
                        association.slug(),
                        Users.current().orElseThrow().id(),
                        association.roles(),
                        whole,
                        now.plus(Duration.ofDays(days)))
                .stream()
                .map(task -> item(task, now))
                .toList();
        return new Deadlines(
                scope,
                days,
                items.stream().filter(DeadlineItem::overdue).toList(),
                items.stream().filter(item -> !item.overdue()).toList());
    }

    private static DeadlineItem item(OpenTasks.DueTask task, Instant now) {
        return new DeadlineItem(
                task.taskId(),
                task.caseId(),
                task.caseReference(),
                task.applicantName(),
                task.step(),
                task.taskKey(),
                task.name(),
                task.nameEn(),
                task.assignee(),
                task.due(),
                task.due().isBefore(now),
                task.rule(),
                RuleNames.name(task.rule(), Locale.FRENCH),
                RuleNames.name(task.rule(), Locale.ENGLISH),
                RuleNames.source(task.rule()),
                RuleNames.isAppointment(task.rule()));
    }

    record FailedReminder(
            long id,
            String taskId,
            UUID caseId,
            String taskName,
            String taskNameEn,
            Instant due,
            String threshold,
            int attempts,
            String lastError) {}

    /** Reminders given up (no reachable recipient, or SMTP failing past the last attempt): coordinators only. */
    @Operation(
            operationId = "failedReminders",
            summary = "List failed reminders",
            description =
                    "Coordinators only: reminders given up (no reachable recipient, or the mail server failing past the last attempt).")
    @GetMapping("/api/alerts/failed")
    List<FailedReminder> failed() {
        Tenancy.current().requireAnyOf(COORDINATOR);
        return jdbc.query(
                """
                SELECT id, task_id, case_id, task_name, task_name_en, due, threshold, attempts, last_error
                FROM app.reminders WHERE status = 'FAILED' ORDER BY due, id LIMIT 200""",
                (row, n) -> new FailedReminder(
                        row.getLong("id"),
                        row.getString("task_id"),
                        row.getObject("case_id", UUID.class),
                        row.getString("task_name"),
                        row.getString("task_name_en"),
                        row.getTimestamp("due").toInstant(),
                        row.getString("threshold"),
                        row.getInt("attempts"),
                        row.getString("last_error")));
    }

    /** Sends a failed reminder again at the next dispatch (after the address or the mail server was fixed). */
    @Operation(
            operationId = "retryReminder",
            summary = "Send a failed reminder again",
            description = "At the next dispatch, after the address or the mail server was fixed.")
    @PostMapping("/api/alerts/failed/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retry(@PathVariable long id) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        int changed = jdbc.update("""
                UPDATE app.reminders SET status = 'PENDING', attempts = 0, next_attempt_at = NULL, send_at = ?
                WHERE id = ? AND status = 'FAILED'""", Timestamp.from(clock.instant()), id);
        if (changed == 0) {
            throw Problem.notFound("reminder_not_found", id);
        }
    }

    @Operation(
            operationId = "getCalendarFeed",
            summary = "Read my calendar feed",
            description = "Its address, if one was created.")
    @GetMapping("/api/me/calendar-feed")
    CalendarFeeds.Feed feed() {
        return feeds.current(
                Tenancy.current().slug(), Users.current().orElseThrow().id());
    }

    @Operation(
            operationId = "createCalendarFeed",
            summary = "Create my calendar feed",
            description = "A new secret address; the previous one stops working.")
    @PostMapping("/api/me/calendar-feed")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarFeeds.Feed createFeed() {
        return feeds.create(
                Tenancy.current().slug(), Users.current().orElseThrow().id());
    }

    @Operation(
            operationId = "revokeCalendarFeed",
            summary = "Revoke my calendar feed",
            description = "Its address stops working.")
    @DeleteMapping("/api/me/calendar-feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeFeed() {
        feeds.revoke(Tenancy.current().slug(), Users.current().orElseThrow().id());
    }

    /** The feed: no login, the token in the URL is the capability. */
    @Operation(
            operationId = "calendarFeed",
            summary = "A calendar feed (iCalendar)",
            description = "No login: the token in the address is the capability.")
    @GetMapping("/calendar/{association}/{token}.ics")
    ResponseEntity<String> calendar(@PathVariable String association, @PathVariable String token) {
        return feeds.render(association, token)
                .map(body -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore())
                        .body(body))
                .orElseThrow(() -> Problem.notFound("calendar_not_found"));
    }

    record Settings(Boolean digest) {}

    @Operation(
            operationId = "getAlertSettings",
            summary = "Read my alert settings",
            description = "In the association chosen.")
    @GetMapping("/api/me/alert-settings")
    Settings settings() {
        List<Boolean> digest = jdbc.queryForList(
                "SELECT digest FROM app.alert_settings WHERE tenant_id = ? AND user_id = ?",
                Boolean.class,
                Tenancy.current().slug(),
                Users.current().orElseThrow().id());
        return new Settings(!digest.isEmpty() && digest.get(0));
    }

    /** Single reminders (false) or one daily digest (true), in this association. */
    @Operation(
            operationId = "saveAlertSettings",
            summary = "Save my alert settings",
            description = "Single reminders (false) or one daily digest (true), in the association chosen.")
    @PutMapping("/api/me/alert-settings")
    Settings saveSettings(@RequestBody Settings settings) {
        if (settings == null || settings.digest() == null) {
            throw InputRefusal.invalid("digest", Fault.of("required", "is required"));
        }
        jdbc.update("""
                INSERT INTO app.alert_settings (tenant_id, user_id, digest) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, user_id) DO UPDATE SET digest = excluded.digest, updated = now()""", Tenancy.current().slug(), Users.current().orElseThrow().id(), settings.digest());
        return settings;
    }
}
