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
 * instance waiting goes to the main process, not before filing, but an OQTF is taken at any step, with its
 * own follow-up; so do requests for pieces; an administrative appeal rejected with an OQTF is a rejection
 * and an OQTF with its own deadline; the answer tells the deadline. The
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

    /** The running implicit-refusal timer of the case's decision instance, if any. */
    private Date implicitRefusalTimer() {
        var job = management
                .createJobQuery()
                .processInstanceId(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("decision")
                        .singleResult()
                        .getId())
                .timers()
                .activityId("implicitRefusal")
                .singleResult();
        return job == null ? null : job.getDuedate();
    }

    private static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(PARIS).toInstant());
    }

    /**
     * Issue 18 item 15: pieces asked during the examination stop the 4 months of silence, and the pieces sent
     * (their receipt not known) restart them from the sending, not from the filing (L114-5 CRPA).
     */
    @Test
    void piecesAskedAndSentRestartTheImplicitRefusalFromThePiecesNotFromTheFiling() {
        filedOn2March();
        assertThat(implicitRefusalTimer()).isEqualTo(startOfDay(LocalDate.of(2026, 7, 2)));

        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 4, 1, 10, 0).atZone(PARIS).toInstant()));
        var requested = caseworker.post("/api/cases/" + caseId + "/events/documents-requested", """
                {"documentsRequestedDate": "2026-04-01", "documentsDueDate": "2026-04-16", "requestedDocuments": "Avis d'imposition"}""");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        assertThat(implicitRefusalTimer())
                .as("no silence while pieces are awaited")
                .isNull();

        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 4, 20, 10, 0).atZone(PARIS).toInstant()));
        Task send = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("sendRequestedDocuments")
                .singleResult();
        var late = caseworker.post("/api/tasks/" + send.getId() + "/complete", """
                {"documentsSentDate": "2026-04-14", "documentsReceivedDate": "2026-04-10", "documentsSentChannel": "ANEF"}""");
        assertThat(late.status()).as("received before it was sent: " + late).isEqualTo(400);
        var sent = caseworker.post("/api/tasks/" + send.getId() + "/complete", """
                {"documentsSentDate": "2026-04-14", "documentsSentChannel": "ANEF"}""");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(204);

        assertThat(implicitRefusalTimer()).isEqualTo(startOfDay(LocalDate.of(2026, 8, 14)));
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
    void aGraciousAppealRejectedWithAnOqtfIsARejectionAndAnOqtfWithItsOwnDeadline() {
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

        var noRegime = caseworker.post("/api/cases/" + caseId + "/events/administrative-appeal-answered", """
                {"administrativeAppealKind": "GRACIOUS", "administrativeAppealOutcome": "REJECTED_WITH_OQTF",
                 "administrativeAppealAnswerDate": "2026-03-02", "notificationMode": "HAND"}""");
        assertThat(noRegime.status()).as(noRegime.toString()).isEqualTo(400);
        assertThat(noRegime.json().get("errors").has("oqtfKind")).isTrue();

        var answer = caseworker.post("/api/cases/" + caseId + "/events/administrative-appeal-answered", """
                {"administrativeAppealKind": "GRACIOUS", "administrativeAppealOutcome": "REJECTED_WITH_OQTF",
                 "administrativeAppealAnswerDate": "2026-03-02", "notificationMode": "HAND", "oqtfKind": "HOUSE_ARREST",
                 "oqtfNotifiedAt": "2026-03-02T08:30"}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("message").asText()).isEqualTo("AdministrativeAppealAnswered");
        assertThat(answer.json().get("delivered").asInt())
                .as("the appeal, and the OQTF's own follow-up")
                .isEqualTo(2);
        assertThat(answer.json().get("deadline").get("rule").asText()).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(answer.json().get("deadline").get("date").asText()).isEqualTo("2026-03-09");

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("appeal-gracious")
                        .count())
                .as("the appeal is answered")
                .isZero();
        // the refusal's court deadline restarts from the rejection (2 months, franc: Monday 4 May) ...
        assertThat(due("decideContentiousAppeal")).isEqualTo(endOfDay("2026-05-04"));
        // ... and the OQTF has its own, 7 days from its notification
        assertThat(due("oqtfHouseArrest")).isEqualTo(endOfDay("2026-03-09"));

        // a retention notified the same afternoon, recorded the next morning: 48 hours from it, hour to hour
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 3, 3, 9, 0).atZone(PARIS).toInstant()));
        var retention = caseworker.post("/api/cases/" + caseId + "/events/liberty-restricted", """
                {"restrictionKind": "RETENTION", "restrictionNotifiedAt": "2026-03-02T16:00"}""");
        assertThat(retention.status()).as(retention.toString()).isEqualTo(200);
        assertThat(retention.json().get("delivered").asInt())
                .as("the main process, the OQTF's task, the refusal's decision task")
                .isEqualTo(3);
        assertThat(caseworker
                        .get("/api/cases/" + caseId + "/procedure")
                        .json()
                        .get("flags")
                        .toString())
                .contains("LIBERTY_RESTRICTED", "DEADLINE_SHORTENED");
        assertThat(due("oqtfRetention"))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 16, 0).atZone(PARIS).toInstant());
        assertThat(due("followRetentionChallenge"))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 16, 0).atZone(PARIS).toInstant());
        assertThat(due("decideContentiousAppeal"))
                .as("the refusal's own deadline")
                .isEqualTo(endOfDay("2026-05-04"));
    }

    /**
     * Items 1 to 4 of issue 18 through the API, on a case still in preparation: a refusal with an ordinary
     * OQTF (a free person) gives a task due on the OQTF's deadline, 1 month; a house arrest recorded after it
     * moves that task to 7 days at once; the preparation goes on.
     */
    @Test
    void onACaseInPreparationAnOqtfGivesATaskOnItsDeadlineAndAHouseArrestMovesItToSevenDays() {
        var missing = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED_WITH_OQTF", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02"}""");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.json().get("errors").has("oqtfKind"))
                .as(missing.toString())
                .isTrue();
        assertThat(missing.json().get("errorCodes").get("oqtfKind").asText()).isEqualTo("required_here");

        var otherDay = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED_WITH_OQTF", "notificationMode": "HAND", "decisionNotifiedDate": "2026-02-27",
                 "oqtfKind": "ORDINARY", "oqtfNotifiedAt": "2026-03-02T08:30"}""");
        assertThat(otherDay.status())
                .as("handed over with the decision, the same day")
                .isEqualTo(400);
        assertThat(otherDay.json().get("errorCodes").get("oqtfNotifiedAt").asText())
                .isEqualTo("not_same_day");

        var oqtf = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED_WITH_OQTF", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02",
                 "oqtfKind": "ORDINARY", "oqtfNotifiedAt": "2026-03-02T08:30"}""");
        assertThat(oqtf.status()).as(oqtf.toString()).isEqualTo(200);
        assertThat(oqtf.json().get("message").asText()).isEqualTo("OqtfNotified");
        JsonNode deadline = oqtf.json().get("deadline");
        assertThat(deadline.get("rule").asText()).isEqualTo("OQTF_ORDINARY");
        // 1 month, franc, from Monday 2 March: Friday 3 April
        assertThat(deadline.get("date").asText()).isEqualTo("2026-04-03");
        assertThat(due("oqtfOrdinary")).isEqualTo(endOfDay("2026-04-03"));
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseId)
                        .taskDefinitionKey("prepareCase")
                        .count())
                .as("the preparation goes on")
                .isEqualTo(1);
        assertThat(caseworker
                        .get("/api/cases/" + caseId)
                        .json()
                        .get("progress")
                        .get("step")
                        .asText())
                .isEqualTo("preparation");

        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 3, 2, 16, 0).atZone(PARIS).toInstant()));
        var houseArrest = caseworker.post("/api/cases/" + caseId + "/events/liberty-restricted", """
                {"restrictionKind": "HOUSE_ARREST", "restrictionNotifiedAt": "2026-03-02T15:00"}""");
        assertThat(houseArrest.status()).as(houseArrest.toString()).isEqualTo(200);
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseId)
                        .taskDefinitionKey("oqtfOrdinary")
                        .count())
                .isZero();
        // 7 days, not franc, never extended: Monday 9 March
        assertThat(due("oqtfHouseArrest")).isEqualTo(endOfDay("2026-03-09"));
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseId)
                        .taskDefinitionKey("findRemovalMeasure")
                        .count())
                .as("the OQTF is known")
                .isZero();
    }

    /** Item 1: by post, the OQTF runs from the first presentation; the hour typed for it is not kept. */
    @Test
    void byPostAnOqtfRunsFromTheFirstPresentationAndAnOqtfAloneIsTakenBeforeFiling() {
        var oqtf = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "OQTF", "notificationMode": "POST", "decisionNotifiedDate": "2026-02-16",
                 "letterCollectedDate": "2026-03-02", "oqtfKind": "ORDINARY", "oqtfNotifiedAt": "2026-03-02T09:00"}""");
        assertThat(oqtf.status()).as(oqtf.toString()).isEqualTo(200);
        assertThat(oqtf.json().get("deadline").get("from").asText()).isEqualTo("2026-02-16");
        // 1 month, franc, from 16 February: Tuesday 17 March
        assertThat(due("oqtfOrdinary")).isEqualTo(endOfDay("2026-03-17"));
    }

    private java.time.Instant due(String key) {
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task.getDueDate().toInstant();
    }

    private static java.time.Instant endOfDay(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay(PARIS).toInstant().minusSeconds(1);
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

    private long open(String key) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(key)
                .count();
    }

    private Object appealVariable(String name) {
        var appeal = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("appeal-contentious")
                .singleResult();
        assertThat(appeal).as("a contentious appeal runs").isNotNull();
        return runtime.getVariable(appeal.getId(), name);
    }

    private void refusedOn2March() {
        filedOn2March();
        var refusal = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02"}""");
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
    }

    /** Item 9 through the API: legal aid recorded as a case event reaches the appeal waiting for it. */
    @Test
    void legalAidRequestedReachesTheAppealThatWaitsForItAndInterruptsItsDeadline() {
        String early = """
                {"legalAidRequestedDate": "2026-03-02", "legalAidOffice": "BAJ de Lyon"}""";
        assertThat(caseworker
                        .post("/api/cases/" + caseId + "/events/legal-aid-requested", early)
                        .status())
                .as("nothing decided yet: no appeal to interrupt")
                .isEqualTo(409);
        refusedOn2March();
        complete("chooseAppealStrategy", Map.of("appealStrategy", "CONTENTIOUS"));
        assertThat(open("offerAppealToLawyer")).isOne();

        var future = caseworker.post("/api/cases/" + caseId + "/events/legal-aid-requested", """
                {"legalAidRequestedDate": "2026-04-02"}""");
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.json().get("errors").has("legalAidRequestedDate")).isTrue();
        var missing = caseworker.post("/api/cases/" + caseId + "/events/legal-aid-requested", "{}");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);

        var requested = caseworker.post("/api/cases/" + caseId + "/events/legal-aid-requested", """
                {"legalAidRequestedDate": "2026-03-02", "legalAidOffice": "BAJ de Lyon"}""");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        assertThat(requested.json().get("message").asText()).isEqualTo("LegalAidRequested");
        assertThat(requested.json().get("delivered").asInt()).isOne();
        // sent within the 2 months, it interrupts them (décret n° 2020-1717 art. 43): its decision is awaited
        assertThat(appealVariable("legalAidPending")).isEqualTo(true);
        assertThat(open("recordLegalAidDecision")).isOne();
        assertThat(open("offerAppealToLawyer")).isZero();
    }

    /** Legal aid asked before the coordinator decides on the court is kept for the appeal when it starts. */
    @Test
    void legalAidRequestedBeforeTheAppealStartsIsHandedToIt() {
        refusedOn2March();
        var requested = caseworker.post("/api/cases/" + caseId + "/events/legal-aid-requested", """
                {"legalAidRequestedDate": "2026-03-02"}""");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        complete("chooseAppealStrategy", Map.of("appealStrategy", "CONTENTIOUS"));
        assertThat(appealVariable("legalAidRequestedDate")).isEqualTo("2026-03-02");
        assertThat(appealVariable("legalAidPending")).isEqualTo(true);
    }

    /** Item 5: the convocation received while the decision is awaited starts the hearing's follow-up. */
    @Test
    void aConvocationWhileTheDecisionIsAwaitedStartsTheCommissionHearing() {
        filedOn2March();
        var convocation = caseworker.post("/api/cases/" + caseId + "/events/convocation-received", """
                {"convocationReceivedDate": "2026-03-02", "meetingDate": "2026-03-12"}""");
        assertThat(convocation.status()).as(convocation.toString()).isEqualTo(200);
        assertThat(convocation.json().get("message").asText()).isEqualTo("DecisionNotified");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("commission-hearing")
                        .count())
                .isOne();
        // received 10 days before the meeting, fewer than the 15 of L432-15 CESEDA: ask for a postponement
        assertThat(open("contestLateConvocation")).isOne();
        assertThat(open("recordConvocation")).isZero();
    }

    /** Item 4: a case closed after an explicit refusal not contested is reopened by a later OQTF. */
    @Test
    void anOqtfAfterTheCaseClosedReopensItsFollowUp() {
        refusedOn2March();
        complete("chooseAppealStrategy", Map.of("appealStrategy", "NONE"));
        JsonNode closed = caseworker.get("/api/cases/" + caseId).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("progress").get("closedOn").asText()).isEqualTo("2026-03-02");

        var documents = caseworker.post("/api/cases/" + caseId + "/events/documents-requested", """
                {"documentsRequestedDate": "2026-03-02", "documentsDueDate": "2026-03-17", "requestedDocuments": "Passeport"}""");
        assertThat(documents.status()).as("only an OQTF reopens a closed case").isEqualTo(409);

        var oqtf = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "OQTF", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02",
                 "oqtfKind": "ORDINARY", "oqtfNotifiedAt": "2026-03-02T11:00"}""");
        assertThat(oqtf.status()).as(oqtf.toString()).isEqualTo(200);
        assertThat(oqtf.json().get("message").asText()).isEqualTo("OqtfNotified");
        assertThat(oqtf.json().get("deadline").get("date").asText()).isEqualTo("2026-04-03");
        assertThat(due("oqtfOrdinary")).isEqualTo(endOfDay("2026-04-03"));
        assertThat(open("prepareCase")).as("not a new preparation").isZero();
        JsonNode reopened = caseworker.get("/api/cases/" + caseId).json();
        assertThat(reopened.get("status").asText()).isEqualTo("REFUSED");
        JsonNode closedOn = reopened.get("progress").path("closedOn");
        assertThat(closedOn.isNull() || closedOn.isMissingNode())
                .as(reopened.toString())
                .isTrue();

        // a retention during its month re-dates it as in any running case
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 3, 10, 9, 0).atZone(PARIS).toInstant()));
        var retention = caseworker.post("/api/cases/" + caseId + "/events/liberty-restricted", """
                {"restrictionKind": "RETENTION", "restrictionNotifiedAt": "2026-03-10T08:00"}""");
        assertThat(retention.status()).as(retention.toString()).isEqualTo(200);
        assertThat(due("oqtfRetention"))
                .isEqualTo(LocalDateTime.of(2026, 3, 12, 8, 0).atZone(PARIS).toInstant());
    }

    /** Item 4: a grant replaces the refusal, not its OQTF: the OQTF's task goes on in its own follow-up. */
    @Test
    void aGrantAfterARefusalWithAnOqtfLeavesTheOqtfRunning() {
        filedOn2March();
        var refusal = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED_WITH_OQTF", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02",
                 "oqtfKind": "ORDINARY", "oqtfNotifiedAt": "2026-03-02T08:30"}""");
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
        assertThat(due("oqtfOrdinary")).isEqualTo(endOfDay("2026-04-03"));

        var grant = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "GRANTED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02"}""");
        assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
        assertThat(grant.json().get("message").asText()).isEqualTo("LaterDecisionNotified");
        assertThat(grant.json().get("delivered").asInt()).isEqualTo(2);
        assertThat(open("collectCard")).isOne();
        assertThat(due("oqtfOrdinary")).as("the OQTF's own follow-up").isEqualTo(endOfDay("2026-04-03"));
    }

    /** Filed on 2 March with a récépissé until 31 August; the 4 months of silence pass: implicit refusal on 2 July. */
    private void implicitlyRefusedOn2July() {
        filedOn2March();
        complete(
                "recordReceipt",
                Map.of("receiptType", "RECEPISSE", "receiptNumber", "6901", "receiptValidUntil", "2026-08-31"));
        ClockUtil.setCurrentTime(
                Date.from(LocalDate.of(2026, 7, 2).atStartOfDay(PARIS).toInstant()));
        String decision = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("decision")
                .singleResult()
                .getId();
        management
                .createJobQuery()
                .processInstanceId(decision)
                .timers()
                .activityId("implicitRefusal")
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        assertThat(open("chooseAppealStrategy")).isOne();
    }

    /**
     * Issue 18 item 2: a grant recorded after an implicit refusal (the gracious appeal running: no decision
     * instance waits) keeps the récépissé followed until the card is collected (R431-12 CESEDA), from its last
     * document.
     */
    @Test
    void aGrantAfterTheImplicitRefusalKeepsTheReceiptFollowedUntilTheCard() {
        implicitlyRefusedOn2July();
        complete("chooseAppealStrategy", Map.of("appealStrategy", "GRACIOUS"));
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 8, 3, 9, 0).atZone(PARIS).toInstant()));

        var grant = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "GRANTED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-08-03"}""");
        assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
        assertThat(grant.json().get("message").asText()).isEqualTo("LaterDecisionNotified");
        assertThat(open("collectCard")).isOne();
        var receipt = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("receipt")
                .singleResult();
        assertThat(receipt).as("the récépissé is still followed").isNotNull();
        assertThat(runtime.getVariable(receipt.getId(), "receiptValidUntil")).isEqualTo("2026-08-31");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(receipt.getId())
                        .timers()
                        .activityId("renewalDue")
                        .singleResult())
                .as("its renewal awaited, 15 days before it ends")
                .isNotNull();

        complete("collectCard", Map.of("cardCollectedDate", "2026-08-10", "cardValidUntil", "2027-08-02"));
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("receipt")
                        .count())
                .as("the card is collected")
                .isZero();
    }

    /**
     * Issue 18 items 7 and 10: after an implicit refusal, "no appeal for now" waits: an explicit refusal is still
     * accepted; notified after the implicit refusal's own delay it may be only confirmative (R421-2 CJA): both
     * dates are given and the deadline is the earlier.
     */
    @Test
    void afterNoAppealForNowAnExplicitRefusalIsAcceptedWithBothDatesAndTheEarlierActedOn() {
        implicitlyRefusedOn2July();
        complete("chooseAppealStrategy", Map.of("appealStrategy", "NONE"));
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("receipt")
                        .count())
                .as("the examination goes on")
                .isOne();
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 9, 15, 9, 0).atZone(PARIS).toInstant()));

        var refusal = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-09-15"}""");
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
        assertThat(refusal.json().get("message").asText()).isEqualTo("DecisionNotified");
        JsonNode deadline = refusal.json().get("deadline");
        assertThat(deadline.get("explicitRefusalConfirmative").asBoolean()).isTrue();
        assertThat(deadline.get("implicitRefusalDeadline").asText()).isEqualTo("2026-09-03");
        assertThat(deadline.get("explicitRefusalDeadline").asText()).isEqualTo("2026-11-16");
        assertThat(deadline.get("date").asText()).isEqualTo("2026-09-03");
        assertThat(due("chooseAppealStrategy")).isEqualTo(endOfDay("2026-09-03"));
    }

    /** Item 10, within the implicit refusal's delay: the explicit refusal restarts the 2 months from it. */
    @Test
    void anExplicitRefusalWithinTheImplicitRefusalsDelayRestartsIt() {
        implicitlyRefusedOn2July();
        complete("chooseAppealStrategy", Map.of("appealStrategy", "NONE"));
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.of(2026, 8, 20, 9, 0).atZone(PARIS).toInstant()));

        var refusal = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-08-20"}""");
        assertThat(refusal.status()).as(refusal.toString()).isEqualTo(200);
        JsonNode deadline = refusal.json().get("deadline");
        assertThat(deadline.get("explicitRefusalConfirmative").asBoolean()).isFalse();
        assertThat(deadline.get("implicitRefusalDeadline").asText()).isEqualTo("2026-09-03");
        assertThat(deadline.get("date").asText()).isEqualTo("2026-10-21");
        assertThat(due("chooseAppealStrategy")).isEqualTo(endOfDay("2026-10-21"));
    }
}
