package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An age-limited ground (L423-21, L423-22 CESEDA: the year after the 18th birthday) gives the
 * coordinators a task due on the last day to file, as soon as triage sends the case to the appointment.
 */
@ApiTest
class AgeLimitTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PREPARE_FORM = """
            {"ground": "%s", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService engineTasks;

    Api ines;
    Api claire;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA);
        ines = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        claire = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(PARIS).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String triaged(String ground, String birthDate) {
        var opened =
                ines.post("/api/cases", """
                {"applicant": {"firstName": "Moussa", "lastName": "Diallo", "birthDate": %s},
                 "ground": "%s", "department": "69"}""".formatted(birthDate == null ? "null" : "\"" + birthDate + "\"", ground));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();
        String prepare = engineTasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("prepareCase")
                .singleResult()
                .getId();
        var done = ines.post("/api/tasks/" + prepare + "/complete", PREPARE_FORM.formatted(ground));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        return caseId;
    }

    private List<String> taskKeys(String caseId) {
        var response = claire.get("/api/cases/" + caseId + "/tasks");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        response.json().forEach(task -> keys.add(task.get("taskKey").asText()));
        return keys;
    }

    private JsonNode ageLimitTask(String caseId) {
        JsonNode task = null;
        for (JsonNode t : claire.get("/api/cases/" + caseId + "/tasks").json()) {
            if (t.get("taskKey").asText().equals("fileBeforeAgeLimit")) {
                task = t;
            }
        }
        assertThat(task).as("the age limit's task").isNotNull();
        return task;
    }

    private static Instant endOf(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 23, 59, 59).atZone(PARIS).toInstant();
    }

    @Test
    void bornOn14June2007UnderL423_22TheApplicationIsDueByFriday12June2026() {
        String caseId = triaged("L423-22", "2007-06-14");

        assertThat(taskKeys(caseId)).contains("recordBookingAttempt", "fileBeforeAgeLimit");
        JsonNode task = ageLimitTask(caseId);
        assertThat(task.get("candidateGroups").toString()).contains("coordinator");
        // the day before the 19th birthday, Saturday 13 June, moved back to Friday 12 June (the earlier)
        assertThat(Instant.parse(task.get("due").asText())).isEqualTo(endOf(2026, 6, 12));
        // the reminders name its rule
        assertThat(Tenancy.runAs(
                        new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                        () -> jdbc.queryForObject(
                                "SELECT deadline_rule FROM app.open_tasks WHERE case_id = ?::uuid AND task_key = ?",
                                String.class,
                                caseId,
                                "fileBeforeAgeLimit")))
                .isEqualTo("AGE_LIMITED_GROUND");
    }

    /**
     * Issue 18, item 16: a birth date entered after triage gives the task; corrected, the task follows (born
     * 20 September 2007: Saturday 19 September 2026, moved back to Friday 18 September).
     */
    @Test
    void aBirthDateEnteredAfterTriageGivesTheTaskAndACorrectionMovesIt() {
        String caseId = triaged("L423-21", null);
        assertThat(taskKeys(caseId)).doesNotContain("fileBeforeAgeLimit");
        String applicant = "/api/applicants/"
                + claire.get("/api/cases/" + caseId).json().get("applicantId").asText();
        String record = """
                {"firstName": "Moussa", "lastName": "Diallo", "birthDate": "%s"}""";

        assertThat(ines.put(applicant, record.formatted("2007-06-14")).status()).isEqualTo(200);
        assertThat(Instant.parse(ageLimitTask(caseId).get("due").asText())).isEqualTo(endOf(2026, 6, 12));

        assertThat(ines.put(applicant, record.formatted("2007-09-20")).status()).isEqualTo(200);
        assertThat(Instant.parse(ageLimitTask(caseId).get("due").asText())).isEqualTo(endOf(2026, 9, 18));
    }

    @Test
    void aGroundWithoutAnAgeLimitOrAnUnknownBirthDateGivesNoSuchTask() {
        assertThat(taskKeys(triaged("L435-1", "2007-06-14"))).doesNotContain("fileBeforeAgeLimit");
        assertThat(taskKeys(triaged("L423-21", null))).doesNotContain("fileBeforeAgeLimit");
    }
}
