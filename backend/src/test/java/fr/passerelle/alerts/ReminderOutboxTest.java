package fr.passerelle.alerts;

import static fr.passerelle.alerts.AlertCases.ASSOCIATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.passerelle.security.KeycloakLogin;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-mail reminders end to end: the real engine sets a task's due date from a legal rule, the
 * outbox gets its reminders in the same transaction, the engine's clock is moved, and the
 * dispatcher sends them to a real SMTP server (GreenMail) and real Keycloak users: each exactly
 * once, at its time, to whoever holds the task, in their language; none for a task done in
 * time; the old date's cancelled and the new date's scheduled when a deadline moves; retried
 * while the SMTP server is down, then delivered once, or given up and shown to the coordinator.
 */
@RealKeycloakTest
class ReminderOutboxTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static String englishUser;
    static String englishEmail;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService engineTasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    ReminderDispatcher dispatcher;

    @BeforeAll
    static void englishSpeaker() {
        String name = "alerts-en-" + UUID.randomUUID().toString().substring(0, 8);
        englishEmail = name + "@demo.passerelle.test";
        englishUser = KeycloakUsers.create(name, englishEmail, "en");
    }

    @AfterAll
    static void englishSpeakerLeaves() {
        KeycloakUsers.delete(englishUser);
    }

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
        AlertCases.deploy(repository);
        Outbox.quiet(jdbc);
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachReminderGoesOnceAtSevenDaysTwoDaysAndOnTheDayToTheAssigneeInTheirLanguage() throws Exception {
        UUID caseId = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "caseworker");
        Task task = task(caseId);
        engineTasks.setAssignee(task.getId(), englishUser);
        LocalDate lastDay = task.getDueDate().toInstant().atZone(PARIS).toLocalDate();
        assertThat(Outbox.rows(jdbc, task.getId()))
                .extracting(row -> row.get("threshold") + "@" + row.get("status"))
                .containsExactly("P7D@PENDING", "P2D@PENDING", "DAY@PENDING");

        clock(lastDay.minusDays(7).atTime(7, 59));
        assertThat(dispatcher.dispatchDue()).as("not before its time").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock(lastDay.minusDays(7).atTime(8, 0));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).as("sent once").isZero();
        MimeMessage first = single(smtp.getReceivedMessages());
        assertThat(first.getRecipients(Message.RecipientType.TO)[0].toString()).contains(englishEmail);
        assertThat(first.getHeader("Content-Language")[0]).isEqualTo("en");
        assertThat(first.getSubject())
                .startsWith("Reminder: Déposer le recours by ")
                .contains(lastDay.getDayOfMonth() + " ")
                .endsWith("at 23:59 (Paris time)");
        String body = (String) first.getContent();
        assertThat(body)
                .contains(
                        "Hello Jane Doe",
                        "Rule: Court appeal against a refusal (2 months)",
                        "Source: R421-1 CJA",
                        "Task: http://localhost:8080/tasks/" + task.getId(),
                        "Case: ALR-");

        clock(lastDay.minusDays(2).atTime(8, 0).plusMinutes(3));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        clock(lastDay.atTime(8, 0).plusHours(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isZero();
        clock(lastDay.plusDays(3).atTime(12, 0));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ReminderOutboxTest::reference))
                .containsExactlyInAnyOrder(
                        Outbox.reference(jdbc, task.getId(), "P7D"),
                        Outbox.reference(jdbc, task.getId(), "P2D"),
                        Outbox.reference(jdbc, task.getId(), "DAY"));
        assertThat(Outbox.rows(jdbc, task.getId())).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SENT");
            assertThat(row.get("recipients")).isEqualTo(englishEmail);
        });
    }

    @Test
    void anUnassignedTaskRemindsItsGroupInFrenchAndOneThatNobodyHoldsRemindsTheCoordinator() throws Exception {
        UUID offered = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "caseworker");
        UUID nobodys = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "nobody");
        LocalDate lastDay = task(offered).getDueDate().toInstant().atZone(PARIS).toLocalDate();

        clock(lastDay.minusDays(7).atTime(8, 30));
        int sent = dispatcher.dispatchDue();

        var messages = Arrays.asList(smtp.getReceivedMessages());
        assertThat(sent).isEqualTo(messages.size());
        List<String> toGroup = messages.stream()
                .filter(m ->
                        reference(m).equals(Outbox.reference(jdbc, task(offered).getId(), "P7D")))
                .map(ReminderOutboxTest::to)
                .toList();
        assertThat(toGroup)
                .contains("ines.lyon@demo.passerelle.test", "hugo.lyon@demo.passerelle.test")
                .doesNotContain("claire.coord@demo.passerelle.test");
        List<String> toCoordinator = messages.stream()
                .filter(m ->
                        reference(m).equals(Outbox.reference(jdbc, task(nobodys).getId(), "P7D")))
                .map(ReminderOutboxTest::to)
                .toList();
        assertThat(toCoordinator).containsExactly("claire.coord@demo.passerelle.test");
        for (MimeMessage message : messages) {
            assertThat(message.getHeader("Content-Language")[0]).isEqualTo("fr");
            assertThat(message.getSubject())
                    .startsWith("Rappel : Déposer le recours avant le ")
                    .endsWith("à 23:59 (heure de Paris)");
            assertThat((String) message.getContent())
                    .contains(
                            "Règle : Recours contentieux contre un refus (2 mois)",
                            "Source : R421-1 CJA",
                            "Tâche : http://localhost:8080/tasks/");
        }
    }

    @Test
    void aTaskDoneBeforeItsRemindersSendsNothing() {
        UUID caseId = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "caseworker");
        Task task = task(caseId);
        LocalDate lastDay = task.getDueDate().toInstant().atZone(PARIS).toLocalDate();
        engineTasks.complete(task.getId());

        assertThat(Outbox.rows(jdbc, task.getId()))
                .extracting(row -> row.get("status"))
                .containsOnly("CANCELLED")
                .hasSize(3);
        for (LocalDate day = lastDay.minusDays(8); !day.isAfter(lastDay); day = day.plusDays(1)) {
            clock(day.atTime(12, 0));
            dispatcher.dispatchDue();
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aDeadlineThatMovesCancelsTheOldDatesRemindersAndSchedulesTheNewOnes() throws Exception {
        UUID caseId = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "nobody");
        Task before = task(caseId);
        LocalDate oldDay = before.getDueDate().toInstant().atZone(PARIS).toLocalDate();

        // legal aid granted on 20 March: the step ends and starts again, counted from the new date
        clock(LocalDateTime.of(2026, 3, 20, 10, 0));
        Tenancy.runAs(
                new CurrentAssociation(ASSOCIATION, Set.of(Role.COORDINATOR)),
                () -> runtime.createMessageCorrelation("DeadlineMoved")
                        .processInstanceBusinessKey(caseId.toString())
                        .setVariable("restartedOn", "2026-03-20")
                        .correlateWithResult());
        Task after = task(caseId);
        LocalDate newDay = after.getDueDate().toInstant().atZone(PARIS).toLocalDate();
        assertThat(newDay).isAfter(oldDay);
        assertThat(Outbox.rows(jdbc, before.getId()))
                .extracting(row -> row.get("status"))
                .containsOnly("CANCELLED");
        assertThat(Outbox.rows(jdbc, after.getId()))
                .extracting(row -> row.get("threshold") + "@" + row.get("status"))
                .containsExactly("P7D@PENDING", "P2D@PENDING", "DAY@PENDING");

        clock(oldDay.minusDays(7).atTime(9, 0));
        assertThat(dispatcher.dispatchDue()).as("the old date's reminder").isZero();

        // the date moved again on the same task (a coordinator corrected it): reminders follow
        Date corrected = Date.from(newDay.plusDays(10)
                .atTime(LocalTime.of(23, 59, 59))
                .atZone(PARIS)
                .toInstant());
        engineTasks.setDueDate(after.getId(), corrected);
        assertThat(Outbox.rows(jdbc, after.getId()))
                .extracting(row -> row.get("threshold") + "@" + row.get("status"))
                .containsExactlyInAnyOrder(
                        "P7D@CANCELLED", "P2D@CANCELLED", "DAY@CANCELLED", "P7D@PENDING", "P2D@PENDING", "DAY@PENDING");
        clock(newDay.minusDays(7).atTime(9, 0));
        assertThat(dispatcher.dispatchDue()).isZero();
        clock(newDay.plusDays(3).atTime(9, 0));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(reference(single(smtp.getReceivedMessages())))
                .isEqualTo(Outbox.reference(jdbc, after.getId(), "P7D", corrected.toInstant()));
        assertThat((String) single(smtp.getReceivedMessages()).getContent())
                .contains(String.valueOf(newDay.plusDays(10).getDayOfMonth()));
    }

    @Test
    void theShortOqtfDeadlinesRemindAtOnceThenAtHalfTimeOrThreeDaysBeforeAndOnTheDay() {
        clock(LocalDateTime.of(2026, 3, 2, 11, 0));
        UUID retention = AlertCases.open(jdbc, runtime, "OQTF_RETENTION", "2026-03-02T10:00", "nobody");
        Task task48 = task(retention);
        assertThat(task48.getDueDate().toInstant())
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 10, 0).atZone(PARIS).toInstant());
        assertThat(Outbox.sendTimes(jdbc, task48.getId()))
                .containsExactly(
                        "NOW@"
                                + LocalDateTime.of(2026, 3, 2, 11, 0)
                                        .atZone(PARIS)
                                        .toInstant(),
                        "HALF@"
                                + LocalDateTime.of(2026, 3, 3, 10, 30)
                                        .atZone(PARIS)
                                        .toInstant());

        UUID houseArrest = AlertCases.open(jdbc, runtime, "OQTF_HOUSE_ARREST", "2026-03-02", "nobody");
        Task task7 = task(houseArrest);
        LocalDate lastDay = task7.getDueDate().toInstant().atZone(PARIS).toLocalDate();
        assertThat(lastDay).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(Outbox.sendTimes(jdbc, task7.getId()))
                .containsExactly(
                        "NOW@"
                                + LocalDateTime.of(2026, 3, 2, 11, 0)
                                        .atZone(PARIS)
                                        .toInstant(),
                        "P3D@"
                                + LocalDateTime.of(2026, 3, 6, 8, 0)
                                        .atZone(PARIS)
                                        .toInstant(),
                        "DAY@"
                                + LocalDateTime.of(2026, 3, 9, 8, 0)
                                        .atZone(PARIS)
                                        .toInstant());

        assertThat(dispatcher.dispatchDue())
                .as("both at once, to the coordinator")
                .isEqualTo(2);
        clock(LocalDateTime.of(2026, 3, 3, 10, 31));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void whileTheMailServerIsDownAReminderIsRetriedWithBackOffThenDeliveredOnceOrShownToTheCoordinator()
            throws Exception {
        UUID caseId = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "nobody");
        UUID second = AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "nobody");
        String taskId = task(caseId).getId();
        String givenUp = task(second).getId();
        LocalDate lastDay = task(caseId).getDueDate().toInstant().atZone(PARIS).toLocalDate();
        LocalDateTime sevenDays = lastDay.minusDays(7).atTime(8, 0);
        smtp.stop();

        clock(sevenDays);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(Outbox.row(jdbc, taskId, "P7D"))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1);
        clock(sevenDays.plusSeconds(59));
        dispatcher.dispatchDue();
        assertThat(Outbox.row(jdbc, taskId, "P7D"))
                .as("not before its back-off")
                .containsEntry("attempts", 1);
        clock(sevenDays.plusMinutes(1));
        dispatcher.dispatchDue();
        assertThat(Outbox.row(jdbc, taskId, "P7D"))
                .as("then again, twice as late next time")
                .containsEntry("attempts", 2);
        assertThat(Outbox.row(jdbc, taskId, "P7D").get("next_attempt_at").toString())
                .startsWith(java.sql.Timestamp.from(
                                sevenDays.plusMinutes(3).atZone(PARIS).toInstant())
                        .toString()
                        .substring(0, 16));
        // the other one has had all its attempts but the last
        Outbox.setAttempts(jdbc, givenUp, "P7D", 5);

        smtp.start();
        clock(sevenDays.plusMinutes(3));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ReminderOutboxTest::reference))
                .containsExactlyInAnyOrder(
                        Outbox.reference(jdbc, taskId, "P7D"), Outbox.reference(jdbc, givenUp, "P7D"));
        assertThat(Outbox.row(jdbc, taskId, "P7D"))
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 3);

        // a reminder that runs out of attempts is FAILED and listed for the coordinator, who may retry it
        smtp.stop();
        clock(lastDay.minusDays(2).atTime(8, 0));
        Outbox.setAttempts(jdbc, givenUp, "P2D", 5);
        dispatcher.dispatchDue();
        assertThat(Outbox.row(jdbc, givenUp, "P2D")).containsEntry("status", "FAILED");
        Api claire = Api.at(port)
                .as(KeycloakLogin.accessToken(
                        RealKeycloakTest.ISSUER,
                        RealKeycloakTest.CLIENT,
                        RealKeycloakTest.REDIRECT,
                        "claire.coord",
                        "demo"));
        var failed = claire.get("/api/alerts/failed");
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        var listed = failed.json().findParents("taskId").stream()
                .filter(item -> item.get("taskId").asText().equals(givenUp))
                .toList();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("lastError").asText()).isNotBlank();
        assertThat(listed.get(0).get("attempts").asInt()).isEqualTo(6);
        Api ines = Api.at(port)
                .as(KeycloakLogin.accessToken(
                        RealKeycloakTest.ISSUER,
                        RealKeycloakTest.CLIENT,
                        RealKeycloakTest.REDIRECT,
                        "ines.lyon",
                        "demo"));
        assertThat(ines.get("/api/alerts/failed").status())
                .as("coordinators only")
                .isEqualTo(403);

        smtp.start();
        long id = listed.get(0).get("id").asLong();
        assertThat(claire.post("/api/alerts/failed/" + id + "/retry", null).status())
                .isEqualTo(204);
        assertThat(claire.post("/api/alerts/failed/" + id + "/retry", null).status())
                .isEqualTo(404);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(Outbox.row(jdbc, givenUp, "P2D")).containsEntry("status", "SENT");
    }

    private Task task(UUID caseId) {
        return engineTasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
    }

    static void clock(LocalDateTime paris) {
        ClockUtil.setCurrentTime(Date.from(paris.atZone(PARIS).toInstant()));
    }

    static MimeMessage single(MimeMessage[] messages) {
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    static String reference(MimeMessage message) {
        try {
            return message.getHeader(ReminderDispatcher.HEADER)[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
                    .getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(LocalDateTime paris) {
        return paris.atZone(PARIS).toInstant();
    }

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
