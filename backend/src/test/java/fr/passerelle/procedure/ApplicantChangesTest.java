package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.ApiTest;
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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, item 13, through the API: a move on the applicant's record reaches the case's running processes:
 * the case's department changes (in every process of the case), the new address is to be declared within
 * three months (R431-23 CESEDA), and the decision's court keeps its calendar (R312-1 CJA, art. 642 CPC).
 */
@ApiTest
class ApplicantChangesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Awa Traoré's record with this address (and the day of the move, when given). */
    private static void livesIn(OpenedCase file, String postalCode, String city, String movedOn) {
        String applicant = file.caseworker()
                .get("/api/cases/" + file.caseId())
                .json()
                .get("applicantId")
                .asText();
        var updated = file.caseworker().put("/api/applicants/" + applicant, """
                {"firstName": "Awa", "lastName": "Traoré", "addressLine": "3 rue de la Gare",
                 "postalCode": "%s", "city": "%s"%s}""".formatted(
                        postalCode, city, movedOn == null ? "" : ", \"movedOn\": \"" + movedOn + "\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    }

    private List<Task> declarations(String caseId) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("declareAddressChange")
                .list();
    }

    private static Instant endOf(int year, int month, int day) {
        return LocalDateTime.of(year, month, day, 23, 59, 59).atZone(PARIS).toInstant();
    }

    @Test
    void aMoveToParisMovesTheCaseAndItsProcessesAndAsksToDeclareTheAddressWithinThreeMonths() {
        OpenedCase file = OpenedCase.open(port, jdbc);
        String caseId = file.caseId();
        file.complete(tasks, "prepareCase", Map.of("ground", "L435-1", "proceedWithApplication", true));
        livesIn(file, "69003", "Lyon", null);
        assertThat(declarations(caseId))
                .as("entering a first address is no move")
                .isEmpty();

        String applicant = "/api/applicants/"
                + file.caseworker()
                        .get("/api/cases/" + caseId)
                        .json()
                        .get("applicantId")
                        .asText();
        var impossible = file.caseworker().put(applicant, """
                {"lastName": "Traoré", "birthDate": "1990-05-01", "postalCode": "75011", "movedOn": "1989-01-01"}""");
        assertThat(impossible.status()).isEqualTo(422);
        assertThat(impossible.json().path("errors").has("movedOn"))
                .as(impossible.toString())
                .isTrue();
        assertThat(declarations(caseId)).as("nothing saved").isEmpty();

        livesIn(file, "75011", "Paris", "2026-02-20");

        List<Task> declare = declarations(caseId);
        assertThat(declare).hasSize(1);
        assertThat(declare.get(0).getName()).isEqualTo("Déclarer le changement d'adresse à la préfecture");
        // three months from 20 February, the safe reading: Wednesday 20 May 2026
        assertThat(declare.get(0).getDueDate().toInstant()).isEqualTo(endOf(2026, 5, 20));
        JsonNode view = file.caseworker().get("/api/cases/" + caseId).json();
        assertThat(view.get("department").asText()).isEqualTo("75");
        assertThat(view.path("prefecture").isNull() || view.path("prefecture").isMissingNode())
                .as("the former prefecture is no longer the competent one")
                .isTrue();
        List<Object> departments = new ArrayList<>();
        runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .list()
                .forEach(instance -> runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(instance.getId())
                        .variableName("department")
                        .list()
                        .forEach(copy -> departments.add(copy.getValue())));
        assertThat(departments)
                .as("the main process and the appointment it called")
                .hasSize(2)
                .containsOnly("75");
    }

    /**
     * Refused by the prefect of Moselle on Monday 25 January 2027, the person then moves to Paris. The
     * competent court is the one where the prefecture sits (R312-1 CJA), Strasbourg's (67): the 2 months end
     * in its calendar (art. 642 CPC), where Good Friday 26 March is a holiday, then the weekend and Easter
     * Monday: Tuesday 30 March 2027. Paris's calendar would end them on Friday 26 March.
     */
    @Test
    void aRefusalInMoselleIsAppealedInStrasbourgsCalendarAfterTheMoveToParis() {
        OpenedCase file = OpenedCase.open(port, jdbc, "57");
        String caseId = file.caseId();
        livesIn(file, "57000", "Metz", null);
        file.fileOn2March(tasks, runtime, management);
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2027, 1, 26, 10, 0).atZone(PARIS).toInstant()));
        var refused = file.caseworker().post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2027-01-25"}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        String main = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("regularisation")
                .singleResult()
                .getId();
        assertThat(runtime.getVariable(main, "court")).isEqualTo("STRASBOURG");
        assertThat(runtime.getVariable(main, "courtDepartment")).isEqualTo("67");

        livesIn(file, "75011", "Paris", null);
        assertThat(runtime.getVariable(main, "department")).isEqualTo("75");
        assertThat(runtime.getVariable(main, "prefectureDepartment"))
                .as("the decision stays the prefect of Moselle's")
                .isEqualTo("57");
        assertThat(declarations(caseId).get(0).getDueDate().toInstant())
                .as("three months from the day the move is recorded")
                .isEqualTo(endOf(2027, 4, 26));

        file.complete(tasks, "chooseAppealStrategy", Map.of("appealStrategy", "CONTENTIOUS"));
        Task offer = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("offerAppealToLawyer")
                .singleResult();
        assertThat(offer.getDueDate().toInstant()).isEqualTo(endOf(2027, 3, 30));
    }
}
