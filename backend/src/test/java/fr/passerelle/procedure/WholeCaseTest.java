package fr.passerelle.procedure;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One whole case through the service, on the real engine and the real models, its clock
 * moved to fire the timers: appointment, filing, récépissé renewal, implicit refusal, gracious
 * appeal rejected, contentious appeal, annulment with re-examination, grant. Every step is
 * done as its role would, through the HTTP API, with the task forms' data.
 */
@ApiTest
class WholeCaseTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    Api caseworker;
    Api coordinator;
    Api lawyer;
    String lawyerId;
    String caseId;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCaseFromAppointmentToAGrantAfterAnAnnulment() {
        Associations.ensure(jdbc, ALPHA);
        caseworker = Api.at(port).as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        coordinator = Api.at(port).as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        TestTokens.Builder lawyerToken = TestTokens.user("me.durand", group(ALPHA, "lawyer"));
        lawyer = Api.at(port).as(lawyerToken.token());
        lawyerId = lawyerToken.subject();

        now("2026-01-05T09:00");
        var opened = caseworker.post("/api/cases", """
                {"applicantName": "Amina Diallo", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        caseId = opened.json().get("id").asText();

        complete(caseworker, "prepareCase", """
                {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""");

        // Appointment: a failed booking attempt is recorded, the second one gets a slot.
        complete(caseworker, "recordBookingAttempt", """
                {"attemptAt": "2026-01-05T09:00", "attemptChannel": "PREFECTURE_WEBSITE", "attemptResult": "NO_SLOT",
                 "attemptEvidence": "capture d'écran: aucun créneau"}""");
        now("2026-01-06T10:00");
        complete(caseworker, "recordBookingAttempt", """
                {"attemptAt": "2026-01-06T09:30", "attemptChannel": "PREFECTURE_WEBSITE",
                 "attemptResult": "SLOT_OBTAINED", "appointmentDate": "2026-01-20"}""");
        assertThat(history.createHistoricDetailQuery().variableUpdates().list().stream()
                .filter(detail -> "attemptAt".equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
                        .getVariableName())).count()).as("both attempts kept as evidence").isGreaterThanOrEqualTo(2);
        complete(caseworker, "prepareAppointment", """
                {"appointmentChecklist": ["CONVOCATION", "ORIGINALS", "TAX_STAMP"]}""");
        assertThat(openTasks(caseworker)).as("nothing to do before the appointment day").isEmpty();

        now("2026-01-20T08:00");
        fireDueTimers();
        complete(caseworker, "attendAppointment", """
                {"appointmentOutcome": "HELD", "appointmentDate": "2026-01-20"}""");

        // Filing: refused while the checklist is incomplete, until the coordinator overrides it.
        String filing = """
                {"filingDate": "2026-01-20", "feePaid": true, "feeAmount": 50, "fileComplete": true}""";
        var refused = caseworker.post("/api/tasks/" + taskId(caseworker, "recordFiling") + "/complete", filing);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(coordinator.put("/api/cases/" + caseId + "/filing-override", """
                {"reason": "Pièces remises en main propre au guichet"}""").status()).isIn(200, 204);
        complete(caseworker, "recordFiling", filing);

        // Récépissé, renewed 15 days before it expires.
        complete(caseworker, "recordReceipt", """
                {"receiptType": "RECEPISSE", "receiptNumber": "R6900123", "receiptIssuedDate": "2026-01-20",
                 "receiptValidUntil": "2026-04-19"}""");
        // 19 April - 15 days is Saturday 4 April: the reminder comes on the working day before.
        String renewalDay = Api.at(port).get("/api/legal-deadlines?rule=RECEIPT_RENEWAL&from=2026-04-19&department=69")
                .json().get("deadline").asText();
        assertThat(renewalDay).isEqualTo("2026-04-03");
        now("2026-04-02T18:00");
        fireDueTimers();
        assertThat(taskKeys(caseworker)).doesNotContain("renewReceipt");
        now("2026-04-03T09:00");
        fireDueTimers();
        complete(caseworker, "renewReceipt", """
                {"renewalRequestedDate": "2026-04-03", "renewalChannel": "COUNTER"}""");
        now("2026-04-10T11:00");
        complete(caseworker, "recordReceipt", """
                {"receiptType": "RECEPISSE", "receiptNumber": "R6900456", "receiptIssuedDate": "2026-04-10",
                 "receiptValidUntil": "2026-07-09"}""");

        // Four months of silence after the complete filing: implicit refusal.
        now("2026-05-19T09:00");
        fireDueTimers();
        assertThat(taskKeys(caseworker)).doesNotContain("requestReasons");
        now("2026-05-20T09:00");
        fireDueTimers();
        complete(caseworker, "requestReasons", """
                {"reasonsRequestedDate": "2026-05-20", "reasonsRequestChannel": "REGISTERED_LETTER"}""");
        assertThat(mainVariable("decisionOutcome")).isEqualTo("IMPLICIT_REFUSAL");
        assertThat(mainVariable("decisionNotifiedDate")).isEqualTo("2026-05-20");
        assertThat(taskKeys(caseworker)).as("the récépissé is no longer followed").doesNotContain("recordReceipt", "renewReceipt");

        // Gracious appeal, rejected.
        complete(coordinator, "chooseAppealStrategy", """
                {"appealStrategy": "GRACIOUS"}""");
        complete(caseworker, "sendGraciousAppeal", """
                {"administrativeAppealSentDate": "2026-05-20", "administrativeAppealSentBy": "REGISTERED_LETTER"}""");
        now("2026-05-25T09:00");
        complete(caseworker, "recordGraciousAppealReceipt", """
                {"administrativeAppealReceivedDate": "2026-05-22",
                 "administrativeAppealReceiptProof": "ACKNOWLEDGEMENT_OF_RECEIPT"}""");
        now("2026-06-15T09:00");
        event(caseworker, "administrative-appeal-answered", """
                {"administrativeAppealKind": "GRACIOUS", "administrativeAppealOutcome": "REJECTED",
                 "administrativeAppealAnswerDate": "2026-06-15"}""");

        // Contentious appeal: offered to a lawyer, who accepts and files it; hearing; annulment.
        complete(coordinator, "decideContentiousAppeal", """
                {"appealStrategy": "CONTENTIOUS"}""");
        assertThat(lawyer.get("/api/cases/" + caseId).status()).as("no grant yet").isEqualTo(403);
        complete(coordinator, "offerAppealToLawyer", """
                {"offeredLawyerId": "%s"}""".formatted(lawyerId));
        assertThat(lawyer.get("/api/cases/" + caseId).status()).as("offered to her").isEqualTo(200);
        Api otherLawyer = Api.at(port).as(TestTokens.user("me.nguyen", group(ALPHA, "lawyer")).token());
        assertThat(otherLawyer.get("/api/cases/" + caseId).status()).as("not offered to him").isEqualTo(403);
        assertThat(otherLawyer.get("/api/cases/" + caseId + "/tasks").status()).as("nor its tasks").isEqualTo(403);
        assertThat(taskKeys(lawyer)).containsExactly("acceptAppeal");
        assertThat(listed(lawyer)).as("her task list").containsExactly("acceptAppeal");
        assertThat(listed(otherLawyer)).as("not his").isEmpty();
        complete(lawyer, "acceptAppeal", """
                {"appealAccepted": true}""");
        complete(lawyer, "chooseContentiousStrategy", """
                {"legalAidRequested": false, "urgentProcedure": "NONE"}""");
        JsonNode fileRequest = caseworker.get("/api/tasks/" + taskId(lawyer, "fileRequest")).json();
        assertThat(fileRequest.get("assignee").asText()).isEqualTo(lawyerId);
        complete(lawyer, "fileRequest", """
                {"requestFiledDate": "2026-06-15", "courtName": "Tribunal administratif de Lyon"}""");
        complete(lawyer, "recordHearingDate", """
                {"hearingDate": "2026-10-01"}""");
        now("2026-10-01T09:00");
        fireDueTimers();
        complete(lawyer, "reportHearing", """
                {"hearingPostponed": false}""");
        now("2026-10-15T09:00");
        event(lawyer, "judgment-notified", """
                {"judgmentOutcome": "ANNULMENT_REEXAMINE", "judgmentDate": "2026-10-15"}""");
        complete(lawyer, "requestJudgmentExecution", """
                {"executionRequestedDate": "2026-10-15"}""");

        // Re-examination: the prefecture grants the card.
        now("2026-11-20T09:00");
        event(caseworker, "decision-notified", """
                {"decisionOutcome": "GRANTED", "decisionNotifiedDate": "2026-11-20"}""");
        complete(caseworker, "collectCard", """
                {"cardCollectedDate": "2026-11-20", "cardValidUntil": "2027-11-19", "cardFeesAmount": 225}""");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
                .as("the whole procedure is over").isZero();
        assertThat(lawyer.get("/api/cases/" + caseId).status()).as("the appeal is over: grant gone").isEqualTo(403);
        List<String> ends = history.createHistoricActivityInstanceQuery().activityType("noneEndEvent").list().stream()
                .filter(end -> caseInstances().contains(end.getProcessInstanceId()) || isMainInstance(end))
                .map(HistoricActivityInstance::getActivityId).toList();
        assertThat(ends).contains("permitGranted");
    }

    private void now(String parisDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(parisDateTime).atZone(PARIS).toInstant()));
    }

    /** What the job executor does in production: runs the case's timers that are due. */
    private void fireDueTimers() {
        for (int round = 0; round < 10; round++) {
            List<Job> due = new ArrayList<>();
            for (String instance : caseInstances()) {
                due.addAll(management.createJobQuery().processInstanceId(instance).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<String> caseInstances() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(instance -> instance.getId()).toList();
    }

    private boolean isMainInstance(HistoricActivityInstance end) {
        return caseId.equals(history.createHistoricProcessInstanceQuery().processInstanceId(end.getProcessInstanceId())
                .singleResult().getBusinessKey());
    }

    private Object mainVariable(String name) {
        return runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("regularisation").singleResult().getId(), name);
    }

    private JsonNode openTasks(Api as) {
        var response = as.get("/api/cases/" + caseId + "/tasks");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The keys of this case's tasks in someone's task list. */
    private List<String> listed(Api as) {
        List<String> keys = new ArrayList<>();
        as.get("/api/tasks?size=100").json().get("items").forEach(item -> {
            if (caseId.equals(item.get("caseId").asText())) {
                keys.add(item.get("taskKey").asText());
            }
        });
        return keys;
    }

    private List<String> taskKeys(Api as) {
        return openTasks(as).findValuesAsText("taskKey");
    }

    private String taskId(Api as, String key) {
        List<String> ids = new ArrayList<>();
        openTasks(as).forEach(task -> {
            if (key.equals(task.get("taskKey").asText())) {
                ids.add(task.get("id").asText());
            }
        });
        assertThat(ids).as("open task " + key + " among " + taskKeys(as)).hasSize(1);
        return ids.get(0);
    }

    private void complete(Api as, String key, String json) {
        var response = as.post("/api/tasks/" + taskId(as, key) + "/complete", json);
        assertThat(response.status()).as(key + ": " + response).isEqualTo(204);
    }

    private void event(Api as, String path, String json) {
        var response = as.post("/api/cases/" + caseId + "/events/" + path, json);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(204);
    }
}
