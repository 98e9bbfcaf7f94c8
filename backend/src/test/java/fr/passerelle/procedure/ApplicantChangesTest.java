package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, items 13 and 16, through the API: a change on the applicant's record reaches the case's running
 * processes. A move changes the case's department (in the processes too) and asks for the new address to
 * be declared within three months (R431-23 CESEDA); a birth date entered or corrected after triage moves
 * the age limit's task (L423-21, L423-22 CESEDA).
 */
@ApiTest
class ApplicantChangesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PREPARE_FORM = """
            {"ground": "%s", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""";
    private static final String APPLICANT = """
            {"firstName": "Moussa", "lastName": "Diallo", "birthDate": %s,
             "addressLine": "%s", "postalCode": "%s", "city": "%s"%s}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService engineTasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    Api ines;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA);
        ines = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(PARIS).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static String applicant(String birthDate, String postalCode, String city, String movedOn) {
        return APPLICANT.formatted(
                birthDate == null ? "null" : "\"" + birthDate + "\"",
                "3 rue de la Gare",
                postalCode,
                city,
                movedOn == null ? "" : ", \"movedOn\": \"" + movedOn + "\"");
    }

    /** A case opened in Lyon (69) for an applicant living there, triaged to the appointment. */
    private JsonNode triaged(String ground, String birthDate) {
        var opened = ines.post("/api/cases", """
                {"applicant": %s, "ground": "%s", "department": "69", "prefecture": "Préfecture du Rhône"}""".formatted(applicant(birthDate, "69003", "Lyon", null), ground));
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
        return opened.json();
    }

    private JsonNode task(String caseId, String key) {
        var response = ines.get("/api/cases/" + caseId + "/tasks");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode task : response.json()) {
            if (task.get("taskKey").asText().equals(key)) {
                return task;
            }
        }
        return null;
    }

    private void update(JsonNode opened, String json) {
        var updated = ines.put("/api/applicants/" + opened.get("applicantId").asText(), json);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    private static Instant endOf(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 23, 59, 59).atZone(PARIS).toInstant();
    }

    @Test
    void aMoveToParisMovesTheCaseAndItsProcessesAndAsksToDeclareTheAddressWithinThreeMonths() {
        JsonNode opened = triaged("L435-1", "1990-05-01");
        String caseId = opened.get("id").asText();
        assertThat(task(caseId, "declareAddressChange")).isNull();

        update(opened, applicant("1990-05-01", "75011", "Paris", "2026-02-20"));

        JsonNode declare = task(caseId, "declareAddressChange");
        assertThat(declare).as("the declaration is asked").isNotNull();
        assertThat(declare.get("name").asText()).isEqualTo("Déclarer le changement d'adresse à la préfecture");
        // three months from 20 February, the safe reading: Wednesday 20 May 2026
        assertThat(Instant.parse(declare.get("due").asText())).isEqualTo(endOf(2026, 5, 20));
        JsonNode file = ines.get("/api/cases/" + caseId).json();
        assertThat(file.get("department").asText()).isEqualTo("75");
        assertThat(file.path("prefecture").isNull() || file.path("prefecture").isMissingNode())
                .as("the former prefecture is no longer the competent one")
                .isTrue();
        List<Object> departments = new ArrayList<>();
        runtime.createVariableInstanceQuery().variableName("department").list().forEach(v -> {
            if (runtime.createProcessInstanceQuery()
                            .processInstanceId(v.getProcessInstanceId())
                            .processInstanceBusinessKey(caseId)
                            .count()
                    > 0) {
                departments.add(v.getValue());
            }
        });
        assertThat(departments)
                .as("the main process and the appointment it called")
                .hasSize(2)
                .containsOnly("75");
    }

    /**
     * Issue 18, item 13: refused by the prefect of Moselle on Monday 25 January 2027, the person then moves
     * to Paris. The competent court is the one where the prefecture sits (R312-1 CJA), Strasbourg's (67):
     * the 2 months end in its calendar (art. 642 CPC), where Good Friday 26 March is a holiday, then the
     * weekend and Easter Monday: Tuesday 30 March 2027. Paris's calendar would end them on Friday 26 March.
     */
    @Test
    void aRefusalInMoselleIsAppealedInStrasbourgsCalendarAfterTheMoveToParis() {
        var opened = ines.post("/api/cases", """
                {"applicant": %s, "ground": "L435-1", "department": "57", "prefecture": "Préfecture de la Moselle"}""".formatted(applicant("1990-05-01", "57000", "Metz", null)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();
        OpenedCase file = new OpenedCase(ines, caseId);
        file.fileOn2March(engineTasks, runtime, management);
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2027, 1, 26, 10, 0).atZone(PARIS).toInstant()));
        var refused = ines.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2027-01-25"}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        String main = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("regularisation")
                .singleResult()
                .getId();
        assertThat(runtime.getVariable(main, "court")).isEqualTo("STRASBOURG");
        assertThat(runtime.getVariable(main, "courtDepartment")).isEqualTo("67");

        update(opened.json(), applicant("1990-05-01", "75011", "Paris", null));
        assertThat(runtime.getVariable(main, "department")).isEqualTo("75");
        assertThat(runtime.getVariable(main, "prefectureDepartment"))
                .as("the decision stays the prefect of Moselle's")
                .isEqualTo("57");

        file.complete(engineTasks, "chooseAppealStrategy", Map.of("appealStrategy", "CONTENTIOUS"));
        var offer = engineTasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("offerAppealToLawyer")
                .singleResult();
        assertThat(offer.getDueDate().toInstant()).isEqualTo(endOf(2027, 3, 30));
    }

    @Test
    void enteringTheFirstAddressOrAnotherFieldIsNotAMove() {
        var opened = ines.post("/api/cases", """
                {"applicantName": "Awa Traoré", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();

        update(opened.json(), applicant(null, "69003", "Lyon", null).replace("Moussa", "Awa"));
        update(opened.json(), applicant("1991-01-01", "69003", "Lyon", null).replace("Moussa", "Awa"));

        assertThat(task(caseId, "declareAddressChange")).isNull();
        assertThat(ines.get("/api/cases/" + caseId).json().get("department").asText())
                .isEqualTo("69");
    }

    @Test
    void aBirthDateEnteredAfterTriageGivesTheAgeLimitTaskAndACorrectionMovesIt() {
        JsonNode opened = triaged("L423-21", null);
        String caseId = opened.get("id").asText();
        assertThat(task(caseId, "fileBeforeAgeLimit")).isNull();

        update(opened, applicant("2007-06-14", "69003", "Lyon", null));
        // the day before the 19th birthday, Saturday 13 June 2026, moved back to Friday 12 June
        assertThat(Instant.parse(task(caseId, "fileBeforeAgeLimit").get("due").asText()))
                .isEqualTo(endOf(2026, 6, 12));

        update(opened, applicant("2007-09-20", "69003", "Lyon", null));
        // born 20 September 2007: Saturday 19 September 2026, moved back to Friday 18 September
        assertThat(Instant.parse(task(caseId, "fileBeforeAgeLimit").get("due").asText()))
                .isEqualTo(endOf(2026, 9, 18));
        assertThat(task(caseId, "declareAddressChange"))
                .as("the address did not change")
                .isNull();
    }
}
