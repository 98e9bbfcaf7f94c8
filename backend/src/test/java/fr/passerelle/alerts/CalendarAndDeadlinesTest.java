package fr.passerelle.alerts;

import static fr.passerelle.alerts.ReminderOutboxTest.PARIS;
import static fr.passerelle.alerts.ReminderOutboxTest.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.passerelle.security.KeycloakLogin;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The calendar feed, read back by another library (ical4j) than the one that writes it: the
 * member's own deadlines with their dates, alarms and links, nobody else's; the token kept only
 * hashed; 404 once revoked or for any other address. The deadlines view (overdue, 7 and 30
 * days, mine and the association's) and the daily digest, overdue items repeating until done.
 * Real Keycloak users log in; times follow the engine's clock.
 */
@RealKeycloakTest
class CalendarAndDeadlinesTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    Api ines;
    Api hugo;
    Api claire;
    String inesId;
    String appeal;
    String retention;
    String houseArrest;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
        AlertCases.deploy(repository);
        Outbox.quiet(jdbc);
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
        ines = login("ines.lyon");
        hugo = login("hugo.lyon");
        claire = login("claire.coord");
        inesId = KeycloakUsers.id("ines.lyon");
        Outbox.in(AlertCases.ASSOCIATION, () -> jdbc.update("DELETE FROM app.digests WHERE user_id = ?", inesId));
        appeal = task(AlertCases.open(jdbc, runtime, "CONTENTIOUS_APPEAL", "2026-03-02", "caseworker"));
        engineTasks.setAssignee(appeal, inesId);
        retention = task(AlertCases.open(jdbc, runtime, "OQTF_RETENTION", "2026-03-02T08:00", "caseworker"));
        engineTasks.setAssignee(retention, KeycloakUsers.id("hugo.lyon"));
        houseArrest = task(AlertCases.open(jdbc, runtime, "OQTF_HOUSE_ARREST", "2026-03-02", "caseworker"));
    }

    @AfterEach
    void tearDown() {
        ines.put("/api/me/alert-settings", "{\"digest\": false}");
        ines.delete("/api/me/calendar-feed");
        hugo.delete("/api/me/calendar-feed");
        ClockUtil.reset();
    }

    @Test
    void aMembersFeedHoldsTheirDeadlinesWithAlarmsAndLinksAndNobodyElses() throws Exception {
        var created = ines.post("/api/me/calendar-feed", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String url = created.json().get("url").asText();
        assertThat(url).matches("http://localhost:8080/calendar/accueil-lyon/[A-Za-z0-9_-]{43}\\.ics");
        var shown = ines.get("/api/me/calendar-feed").json();
        assertThat(shown.get("active").asBoolean()).isTrue();
        assertThat(shown.has("url")).as("the URL is told once, never stored").isFalse();
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
        Outbox.in(AlertCases.ASSOCIATION, () -> {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM app.calendar_feeds WHERE token_hash = ?",
                            Long.class,
                            CalendarFeeds.hash(token)))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM app.calendar_feeds WHERE token_hash = ? OR " + "token_hash LIKE ?",
                            Long.class,
                            token,
                            "%" + token.substring(0, 20) + "%"))
                    .isZero();
            return null;
        });

        HttpResponse<String> feed = fetch(url);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        Map<String, VEvent> events = events(feed.body());
        assertThat(events.keySet())
                .as("hers and her group's, not Hugo's")
                .contains(appeal + "@passerelle", houseArrest + "@passerelle")
                .doesNotContain(retention + "@passerelle");

        VEvent appealEvent = events.get(appeal + "@passerelle");
        LocalDate lastDay = engineTasks
                .createTaskQuery()
                .taskId(appeal)
                .singleResult()
                .getDueDate()
                .toInstant()
                .atZone(PARIS)
                .toLocalDate();
        String day = lastDay.format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(value(appealEvent, Property.DTSTART)).isEqualTo(day);
        assertThat(value(appealEvent, Property.DTEND))
                .isEqualTo(lastDay.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(value(appealEvent, Property.URL)).isEqualTo("http://localhost:8080/tasks/" + appeal);
        assertThat(value(appealEvent, Property.DESCRIPTION))
                .contains("R421-1 CJA", "Recours contentieux contre un refus");
        assertThat(appealEvent.getAlarms())
                .extracting(alarm ->
                        alarm.getProperty(Property.TRIGGER).orElseThrow().getValue())
                .containsExactly(
                        utc(lastDay.minusDays(7).atTime(8, 0)),
                        utc(lastDay.minusDays(2).atTime(8, 0)),
                        utc(lastDay.atTime(8, 0)));

        // Hugo's feed: his 48-hour deadline at its hour, and the group's task; not Ines's appeal
        String hugoUrl =
                hugo.post("/api/me/calendar-feed", null).json().get("url").asText();
        Map<String, VEvent> his = events(fetch(hugoUrl).body());
        assertThat(his.keySet())
                .contains(retention + "@passerelle", houseArrest + "@passerelle")
                .doesNotContain(appeal + "@passerelle");
        VEvent hour = his.get(retention + "@passerelle");
        assertThat(value(hour, Property.DTEND)).isEqualTo("20260304T070000Z");
        assertThat(hour.getAlarms()).hasSize(2);

        // another association's address, a changed token, a revoked one: 404, as for any unknown page
        assertThat(fetch(url.replace("accueil-lyon", "droits-marseille")).statusCode())
                .isEqualTo(404);
        assertThat(fetch(url.replace(token, new StringBuilder(token).reverse().toString()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(ines.delete("/api/me/calendar-feed").status()).isEqualTo(204);
        assertThat(fetch(url).statusCode()).isEqualTo(404);
        assertThat(ines.get("/api/me/calendar-feed").json().get("active").asBoolean())
                .isFalse();
        String renewed =
                ines.post("/api/me/calendar-feed", null).json().get("url").asText();
        assertThat(fetch(renewed).statusCode()).isEqualTo(200);
        assertThat(hugo.post("/api/me/calendar-feed", null).status())
                .as("a new one revokes the old")
                .isEqualTo(201);
        assertThat(fetch(hugoUrl).statusCode()).isEqualTo(404);
    }

    @Test
    void theDeadlinesViewListsMineOrTheAssociationsSoonestFirstWithRuleAndSource() {
        // on 2 March the 7-day OQTF ends on 9 March at midnight: past the next 7 days, within 30
        assertThat(ids(ines.get("/api/deadlines?days=7").json().get("coming"))).doesNotContain(houseArrest);
        var month = ines.get("/api/deadlines?days=30").json();
        assertThat(ids(month.get("coming"))).contains(houseArrest).doesNotContain(retention, appeal);
        clock(LocalDateTime.of(2026, 3, 3, 9, 0));
        var week = ines.get("/api/deadlines?days=7");
        assertThat(week.status()).as(week.toString()).isEqualTo(200);
        assertThat(ids(week.json().get("coming"))).contains(houseArrest).doesNotContain(appeal, retention);
        var quarter = ines.get("/api/deadlines?scope=mine&days=30").json();
        assertThat(quarter.get("scope").asText()).isEqualTo("mine");

        JsonNode item = find(month.get("coming"), houseArrest);
        assertThat(item.get("rule").asText()).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(item.get("ruleName").asText()).contains("7 jours");
        assertThat(item.get("ruleNameEn").asText()).contains("7 days");
        assertThat(item.get("source").asText()).contains("L921-1 CESEDA");
        assertThat(item.get("caseReference").asText()).startsWith("ALR-");
        assertThat(item.get("overdue").asBoolean()).isFalse();

        var association = claire.get("/api/deadlines?scope=association&days=30");
        assertThat(association.status()).isEqualTo(200);
        List<String> all = ids(association.json().get("coming"));
        assertThat(all).contains(retention, houseArrest);
        assertThat(all.indexOf(retention)).as("soonest first").isLessThan(all.indexOf(houseArrest));

        assertThat(ines.get("/api/deadlines?scope=association").status())
                .as("coordinators only")
                .isEqualTo(403);
        var bad = ines.get("/api/deadlines?days=9&sort=due");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").has("days")).isTrue();
        assertThat(bad.json().get("errors").has("sort")).isTrue();

        clock(LocalDateTime.of(2026, 3, 10, 9, 0));
        var later = ines.get("/api/deadlines?days=7").json();
        assertThat(ids(later.get("overdue"))).as(later.toString()).contains(houseArrest);
        assertThat(find(later.get("overdue"), houseArrest).get("overdue").asBoolean())
                .isTrue();
    }

    @Test
    void withTheDigestChosenRemindersWaitForOneDailyMailWhereOverdueItemsRepeatUntilDone() throws Exception {
        assertThat(ines.get("/api/me/alert-settings").json().get("digest").asBoolean())
                .isFalse();
        assertThat(ines.put("/api/me/alert-settings", "{\"digest\": \"yes\"}").status())
                .isEqualTo(400);
        var missing = ines.put("/api/me/alert-settings", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").has("digest")).isTrue();
        assertThat(ines.put("/api/me/alert-settings", "{\"digest\": true}").status())
                .isEqualTo(200);
        assertThat(ines.get("/api/me/alert-settings").json().get("digest").asBoolean())
                .isTrue();

        // the 7-day OQTF's reminder at once: Ines reads digests, so not to her; Hugo (same group) gets it
        dispatcher.dispatchDue();
        assertThat(recipients()).doesNotContain("ines.lyon@demo.passerelle.test");
        smtp.purgeEmailFromAllMailboxes();

        clock(LocalDateTime.of(2026, 3, 3, 6, 59));
        assertThat(dispatcher.dispatchDigests())
                .as("not before the digest hour")
                .isZero();
        clock(LocalDateTime.of(2026, 3, 3, 7, 0));
        assertThat(dispatcher.dispatchDigests()).isEqualTo(1);
        assertThat(dispatcher.dispatchDigests()).as("one a day").isZero();
        var digest = ReminderOutboxTest.single(smtp.getReceivedMessages());
        assertThat(ReminderOutboxTest.to(digest)).isEqualTo("ines.lyon@demo.passerelle.test");
        assertThat(digest.getSubject()).startsWith("Vos échéances du mardi 3 mars 2026");
        assertThat((String) digest.getContent())
                .contains("À échéance dans les 7 jours", "/tasks/" + houseArrest)
                .doesNotContain("/tasks/" + appeal)
                .doesNotContain("/tasks/" + retention);

        // past the 7-day deadline and still open: in every digest, marked overdue, until done
        smtp.purgeEmailFromAllMailboxes();
        clock(LocalDateTime.of(2026, 3, 11, 7, 30));
        assertThat(dispatcher.dispatchDigests()).isEqualTo(1);
        var overdue = ReminderOutboxTest.single(smtp.getReceivedMessages());
        assertThat(overdue.getSubject()).contains("en retard");
        assertThat((String) overdue.getContent()).contains("EN RETARD", "/tasks/" + houseArrest);
        engineTasks.complete(houseArrest);
        smtp.purgeEmailFromAllMailboxes();
        clock(LocalDateTime.of(2026, 3, 12, 7, 30));
        dispatcher.dispatchDigests();
        for (var message : smtp.getReceivedMessages()) {
            assertThat((String) message.getContent()).doesNotContain("/tasks/" + houseArrest);
        }
    }

    private List<String> recipients() {
        List<String> to = new ArrayList<>();
        for (var message : smtp.getReceivedMessages()) {
            to.add(ReminderOutboxTest.to(message));
        }
        return to;
    }

    private static String utc(LocalDateTime paris) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(paris.atZone(PARIS).withZoneSameInstant(java.time.ZoneOffset.UTC));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    private static Map<String, VEvent> events(String body) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        Map<String, VEvent> events = new java.util.LinkedHashMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(net.fortuna.ical4j.model.Component.VEVENT)) {
            events.put(value(event, Property.UID), event);
        }
        return events;
    }

    private HttpResponse<String> fetch(String url) throws Exception {
        String path = URI.create(url).getPath();
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.get("taskId").asText())
                .toList();
    }

    private static JsonNode find(JsonNode items, String taskId) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get("taskId").asText().equals(taskId))
                .findFirst()
                .orElseThrow();
    }

    private String task(UUID caseId) {
        Task task = engineTasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        return task.getId();
    }

    private Api login(String username) {
        return Api.at(port)
                .as(KeycloakLogin.accessToken(
                        RealKeycloakTest.ISSUER, RealKeycloakTest.CLIENT, RealKeycloakTest.REDIRECT, username, "demo"));
    }
}
