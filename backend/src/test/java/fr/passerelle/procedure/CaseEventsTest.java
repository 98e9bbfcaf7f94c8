package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.TestTokens;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a case event lands (processes/README.md, "Case events"): a decision with no decision
 * instance waiting goes to the main process, not before filing; so do requests for pieces; an administrative appeal rejected
 * with an OQTF becomes the decision with the OQTF's deadline; the answer tells the deadline. The
 * steps before the event are completed on the engine directly; the events go through the API.
 */
@ApiTest
class CaseEventsTest {
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

    OpenedCase awa;
    Api caseworker;
    String caseId;

    @BeforeEach
    void openCase() {
        awa = OpenedCase.open(port, jdbc);
        caseworker = awa.caseworker();
        caseId = awa.caseId();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void complete(String key, Map<String, Object> variables) {
        awa.complete(tasks, key, variables);
    }

    private void filedOn2March() {
        awa.fileOn2March(tasks, runtime, management);
    }

    @Test
    void aDecisionBeforeFilingIsRefusedAndAReferralWithNoDecisionAwaitedToo() {
        var early = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02"}""");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);

        String documents = """
                {"documentsRequestedDate": "2026-03-02", "documentsDueDate": "2026-03-17", "requestedDocuments": "Avis d'imposition"}""";
        assertThat(caseworker
                        .post("/api/cases/" + caseId + "/events/documents-requested", documents)
                        .status())
                .as("no application filed yet")
                .isEqualTo(409);

        filedOn2March();
        var requested = caseworker.post("/api/cases/" + caseId + "/events/documents-requested", documents);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        Task send = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("sendRequestedDocuments")
                .singleResult();
        assertThat(send.getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2026, 3, 18)
                        .atStartOfDay(PARIS)
                        .toInstant()
                        .minusSeconds(1));
        var refusal = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02",
                 "printedDeadline": "2026-05-04"}""");
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
        assertThat(refusal.json().get("message").asText()).isEqualTo("DecisionNotified");
        JsonNode deadline = refusal.json().get("deadline");
        assertThat(deadline.get("rule").asText()).isEqualTo("CONTENTIOUS_APPEAL");
        // 2 March + 2 months, franc: Monday 4 May 2026; the printed date is the same
        assertThat(deadline.get("date").asText()).isEqualTo("2026-05-04");
        assertThat(deadline.get("printedDeadlineDiffers").asBoolean()).isFalse();

        var referral = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "COMMISSION_REFERRAL", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02"}""");
        assertThat(referral.status()).as(referral.toString()).isEqualTo(409);
    }

    @Test
    void aGraciousAppealRejectedWithAnOqtfStartsTheOqtfDeadlineInTheMainProcess() {
        filedOn2March();
        var refusal = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "POST", "decisionNotifiedDate": "2026-03-02"}""");
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
        complete("chooseAppealStrategy", Map.of("appealStrategy", "GRACIOUS"));
        complete(
                "sendGraciousAppeal",
                Map.of(
                        "administrativeAppealSentDate",
                        "2026-03-02",
                        "administrativeAppealSentBy",
                        "REGISTERED_LETTER"));

        var answer = caseworker.post("/api/cases/" + caseId + "/events/administrative-appeal-answered", """
                {"administrativeAppealKind": "GRACIOUS", "administrativeAppealOutcome": "REJECTED_WITH_OQTF",
                 "administrativeAppealAnswerDate": "2026-03-02", "oqtfKind": "HOUSE_ARREST",
                 "oqtfNotifiedAt": "2026-03-02T08:30"}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo("LaterDecisionNotified");
        assertThat(answer.json().get("deadline").get("rule").asText()).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(answer.json().get("deadline").get("date").asText()).isEqualTo("2026-03-09");

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("appeal-gracious")
                        .count())
                .as("the appeal is overtaken")
                .isZero();
        Task decide = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("decideContentiousAppeal")
                .singleResult();
        assertThat(decide).isNotNull();
        assertThat(decide.getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2026, 3, 10)
                        .atStartOfDay(PARIS)
                        .toInstant()
                        .minusSeconds(1));

        // a retention notified the same afternoon, recorded the next morning: 48 hours from it, hour to hour
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 3, 3, 9, 0).atZone(PARIS).toInstant()));
        var retention = caseworker.post("/api/cases/" + caseId + "/events/liberty-restricted", """
                {"restrictionKind": "RETENTION", "restrictionNotifiedAt": "2026-03-02T16:00"}""");
        assertThat(retention.status()).as(retention.toString()).isEqualTo(200);
        assertThat(retention.json().get("delivered").asInt())
                .as("the event subprocess and the task's boundary")
                .isEqualTo(2);
        assertThat(caseworker
                        .get("/api/cases/" + caseId + "/procedure")
                        .json()
                        .get("flags")
                        .toString())
                .contains("LIBERTY_RESTRICTED", "DEADLINE_SHORTENED");
        Task shortened = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("decideContentiousAppeal")
                .singleResult();
        assertThat(shortened.getDueDate().toInstant())
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 16, 0).atZone(PARIS).toInstant());
    }

    @Test
    void aPriorOqtfKnownAtTriageIsAFlagOnTheCaseAndACoordinatorTask() {
        Api coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        complete("prepareCase", Map.of("ground", "L435-1", "priorOqtf", true, "proceedWithApplication", true));
        assertThat(caseworker
                        .get("/api/cases/" + caseId + "/procedure")
                        .json()
                        .get("flags")
                        .toString())
                .contains("ARREST_RISK");
        assertThat(coordinator.get("/api/cases/" + caseId + "/tasks").json().findValuesAsText("taskKey"))
                .containsExactly("assessArrestRisk");
    }
}
