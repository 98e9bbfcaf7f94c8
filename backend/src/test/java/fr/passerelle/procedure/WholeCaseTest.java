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
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

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
        caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        TestTokens.Builder lawyerToken = TestTokens.user("me.whole-case", group(ALPHA, "lawyer"));
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
                        .filter(detail -> "attemptAt"
                                .equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
                                        .getVariableName()))
                        .count())
                .as("both attempts kept as evidence")
                .isGreaterThanOrEqualTo(2);
        // and kept with the case, in its own table, for a référé "mesures utiles"
        JsonNode attempts =
                caseworker.get("/api/cases/" + caseId + "/appointment-attempts").json();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("result").asText()).isEqualTo("NO_SLOT");
        assertThat(attempts.get(0).get("at").asText()).startsWith("2026-01-05T09:00");
        var datedList = caseworker.get("/api/cases/" + caseId + "/appointment-attempts/dated-list");
        assertThat(datedList.status()).as(datedList.toString()).isEqualTo(200);
        assertThat(datedList.json().get("datedList").asText())
                .contains("lundi 5 janvier 2026 à 09h00 : site de la préfecture, aucun créneau");
        Associations.ensure(jdbc, Associations.BETA);
        Api otherAssociation = Api.at(port)
                .as(TestTokens.user("bob", group(Associations.BETA, "caseworker"))
                        .token());
        assertThat(otherAssociation
                        .get("/api/cases/" + caseId + "/appointment-attempts")
                        .status())
                .isEqualTo(404);
        complete(caseworker, "prepareAppointment", """
                {"appointmentChecklist": ["CONVOCATION", "ORIGINALS", "TAX_STAMP"]}""");
        assertThat(openTasks(caseworker))
                .as("nothing to do before the appointment day")
                .isEmpty();

        now("2026-01-20T08:00");
        fireDueTimers();
        complete(caseworker, "attendAppointment", """
                {"appointmentOutcome": "HELD", "appointmentDate": "2026-01-20"}""");

        // Filing: refused while the checklist is incomplete, until the coordinator overrides it.
        String filing = """
                {"filingDate": "2026-01-20", "feePaid": true, "feeAmount": 50, "fileComplete": true}""";
        var refused = caseworker.post("/api/tasks/" + taskId(caseworker, "recordFiling") + "/complete", filing);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(coordinator
                        .put("/api/cases/" + caseId + "/filing-override", """
                {"reason": "Pièces remises en main propre au guichet"}""")
                        .status())
                .isIn(200, 204);
        complete(caseworker, "recordFiling", filing);

        // Récépissé, renewed 15 days before it expires.
        complete(caseworker, "recordReceipt", """
                {"receiptType": "RECEPISSE", "receiptNumber": "R6900123", "receiptIssuedDate": "2026-01-20",
                 "receiptValidUntil": "2026-04-19"}""");
        // 19 April - 15 days is Saturday 4 April: the reminder comes on the working day before.
        String renewalDay = Api.at(port)
                .get("/api/legal-deadlines?rule=RECEIPT_RENEWAL&from=2026-04-19&department=69")
                .json()
                .get("deadline")
                .asText();
        assertThat(renewalDay).isEqualTo("2026-04-03");
        now("2026-04-02T18:00");
        fireDueTimers();
        assertThat(taskKeys(caseworker)).doesNotContain("renewReceipt");
        now("2026-04-03T09:00");
        fireDueTimers();
        complete(caseworker, "renewReceipt", """
                {"renewalRequestedDate": "2026-04-03", "renewalChannel": "COUNTER"}""");
        now("2026-04-10T11:00");
        complete(caseworker, "recordRenewedReceipt", """
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
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("receipt")
                        .count())
                .as("the récépissé is still followed (CE avis 6 mai 2025 n° 499904)")
                .isEqualTo(1);

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
        assertThat(lawyer.get("/api/cases/" + caseId).status())
                .as("no grant yet")
                .isEqualTo(403);
        assertThat(caseworker
                        .post("/api/cases/" + caseId + "/appeal/consent", """
                {"documentNote": "Formulaire de consentement signé"}""")
                        .status())
                .isEqualTo(201);
        var offer = coordinator.post("/api/cases/" + caseId + "/appeal/offers", """
                {"lawyerIds": ["%s"]}""".formatted(lawyerId));
        assertThat(offer.status()).as(offer.toString()).isEqualTo(201);
        assertThat(lawyer.get("/api/cases/" + caseId).status())
                .as("offered: its summary only")
                .isEqualTo(403);
        Api otherLawyer = Api.at(port)
                .as(TestTokens.user("me.whole-case-2", group(ALPHA, "lawyer")).token());
        assertThat(otherLawyer.get("/api/cases/" + caseId).status())
                .as("not offered to him")
                .isEqualTo(403);
        assertThat(otherLawyer.get("/api/cases/" + caseId + "/tasks").status())
                .as("nor its tasks")
                .isEqualTo(403);
        assertThat(listed(lawyer)).as("her task list").containsExactly("acceptAppeal");
        assertThat(listed(otherLawyer)).as("not his").isEmpty();
        var accepted =
                lawyer.post("/api/lawyer/offers/" + offer.json().get("id").asText() + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
        assertThat(lawyer.get("/api/cases/" + caseId).status())
                .as("accepted: the appeal part")
                .isEqualTo(200);
        complete(lawyer, "chooseContentiousStrategy", """
                {"legalAidRequested": false, "urgentProcedure": "NONE"}""");
        JsonNode fileRequest =
                caseworker.get("/api/tasks/" + taskId(lawyer, "fileRequest")).json();
        assertThat(fileRequest.get("assignee").asText()).isEqualTo(lawyerId);
        complete(lawyer, "fileRequest", """
                {"requestFiledDate": "2026-06-15", "court": "LYON"}""");

        // The prefecture writes a refusal while the court holds the appeal: it stands in for the decision
        // challenged (CE, 8 juin 2011, n° 329537); the proceedings go on and the lawyer produces it, within
        // the 2 months of a new decision (délai franc: from 1 July to Wednesday 2 September).
        now("2026-07-01T09:00");
        var substituted = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-07-01"}""");
        assertThat(substituted.status()).as(substituted.toString()).isEqualTo(200);
        assertThat(substituted.json().get("message").asText()).isEqualTo("RefusalNotifiedDuringProceedings");
        assertThat(substituted.json().get("deadline").get("date").asText()).isEqualTo("2026-09-02");
        assertThat(due(lawyer, "produceLaterRefusal")).isEqualTo(endOfDay("2026-09-02"));
        assertThat(taskKeys(lawyer)).as("the proceedings go on").contains("recordHearingDate");
        complete(lawyer, "produceLaterRefusal", """
                {"laterRefusalProducedDate": "2026-07-01", "supplementaryBriefFiled": true}""");
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
                {"decisionOutcome": "GRANTED", "notificationMode": "HAND", "decisionNotifiedDate": "2026-11-20"}""");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("receipt")
                        .count())
                .as("a grant: the récépissé is followed until the card is collected (R431-12 CESEDA)")
                .isEqualTo(1);
        complete(caseworker, "collectCard", """
                {"cardCollectedDate": "2026-11-20", "cardValidUntil": "2027-11-19", "cardFeesAmount": 225}""");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("receipt")
                        .count())
                .as("the card collected ends the récépissé follow-up")
                .isZero();

        // The card's end opens the next renewal, by its channel (R431-5 CESEDA): a title not on the ANEF
        // list is renewed at the prefecture, in the two months before the card ends (from 19 September
        // 2027) and at the latest the day before (Thursday 18 November 2027).
        now("2027-09-18T09:00");
        fireDueTimers();
        assertThat(taskKeys(caseworker)).doesNotContain("applyForRenewal");
        now("2027-09-19T09:00");
        fireDueTimers();
        assertThat(due(caseworker, "applyForRenewal")).isEqualTo(endOfDay("2027-11-18"));
        complete(caseworker, "applyForRenewal", """
                {"renewalFiledDate": "2027-09-19", "renewalChannel": "PREFECTURE"}""");

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .count())
                .as("the whole procedure is over")
                .isZero();
        assertThat(lawyer.get("/api/cases/" + caseId).status())
                .as("the appeal is over: grant gone")
                .isEqualTo(403);
        List<String> ends =
                history.createHistoricActivityInstanceQuery().activityType("terminateEndEvent").list().stream()
                        .filter(end -> caseInstances().contains(end.getProcessInstanceId()) || isMainInstance(end))
                        .map(HistoricActivityInstance::getActivityId)
                        .toList();
        assertThat(ends).contains("renewalApplied");

        // The renewal filed opens the renewal case (issue 18 item 14; R431-5 CESEDA): same applicant, association,
        // ground and department, linked to this case, with the renewal list (L433-4 CESEDA; décret n° 2025-647)
        // and its own procedure; this case is closed with its outcome kept.
        JsonNode old = caseworker.get("/api/cases/" + caseId).json();
        assertThat(old.get("status").asText()).isEqualTo("CLOSED");
        assertThat(old.get("progress").get("outcome").isNull())
                .as("outcome kept")
                .isFalse();
        List<JsonNode> renewals = casesOf(old.get("applicantId").asText());
        renewals.removeIf(other -> !caseId.equals(other.path("renewalOf").asText()));
        assertThat(renewals).as("one renewal case").hasSize(1);
        JsonNode renewal = renewals.get(0);
        String renewalId = renewal.get("id").asText();
        // it starts at the renewal's filing (no récépissé recorded with it: a task to obtain it by the card's end)
        assertThat(renewal.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(renewal.get("filedOn").asText()).isEqualTo("2027-09-19");
        assertThat(old.get("progress").get("closedReason").asText()).isEqualTo("RENEWED");
        assertThat(renewal.get("ground").asText()).isEqualTo("L435-1");
        assertThat(renewal.get("department").asText()).isEqualTo("69");
        List<String> pieces = new ArrayList<>();
        caseworker
                .get("/api/cases/" + renewalId + "/checklist")
                .json()
                .get("pieces")
                .forEach(line -> pieces.add(line.get("piece").asText()));
        assertThat(pieces).contains("current-card", "civic-exam").doesNotContain("birth-certificate");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(renewalId)
                        .processDefinitionKey("regularisation")
                        .count())
                .as("the renewal case's own procedure")
                .isEqualTo(1);

        // Replayed, the event opens nothing more.
        transactions.executeWithoutResult(status -> events.publishEvent(new fr.passerelle.cases.RenewalFiled(
                ALPHA, java.util.UUID.fromString(caseId), null, null, null, null, null)));
        List<JsonNode> after = casesOf(old.get("applicantId").asText());
        assertThat(after).hasSize(2);
    }

    /**
     * Issues 9 and 18: implicit refusal, récépissé renewed, an explicit refusal with an OQTF a month later
     * (recorded while no decision instance waits: its own follow-up, beside the choice against the
     * implicit refusal), house arrest notified ten days after: the OQTF's task moves to 7 days from it at
     * once, and the association files the request itself.
     */
    @Test
    void anOqtfAfterTheImplicitRefusalThenAHouseArrestAndTheAssociationFilesWithinSevenDays() {
        Associations.ensure(jdbc, ALPHA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());

        now("2026-01-05T09:00");
        var opened = caseworker.post("/api/cases", """
                {"applicantName": "Moussa Keita", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        caseId = opened.json().get("id").asText();
        complete(caseworker, "prepareCase", """
                {"ground": "L435-1", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""");
        complete(caseworker, "recordBookingAttempt", """
                {"attemptAt": "2026-01-05T09:00", "attemptChannel": "PREFECTURE_WEBSITE",
                 "attemptResult": "SLOT_OBTAINED", "appointmentDate": "2026-01-20"}""");
        complete(caseworker, "prepareAppointment", """
                {"appointmentChecklist": ["CONVOCATION", "ORIGINALS", "TAX_STAMP"]}""");
        now("2026-01-20T08:00");
        fireDueTimers();
        complete(caseworker, "attendAppointment", """
                {"appointmentOutcome": "HELD", "appointmentDate": "2026-01-20"}""");
        assertThat(coordinator
                        .put("/api/cases/" + caseId + "/filing-override", """
                {"reason": "Pièces remises en main propre au guichet"}""")
                        .status())
                .isIn(200, 204);
        complete(caseworker, "recordFiling", """
                {"filingDate": "2026-01-20", "feePaid": true, "feeAmount": 50, "fileComplete": true}""");
        complete(caseworker, "recordReceipt", """
                {"receiptType": "RECEPISSE", "receiptNumber": "R6900777", "receiptValidUntil": "2026-06-19"}""");

        // Implicit refusal on 20 May; the récépissé is still followed and renewed on 4 June.
        now("2026-05-20T09:00");
        fireDueTimers();
        complete(caseworker, "requestReasons", """
                {"reasonsRequestedDate": "2026-05-20", "reasonsRequestChannel": "REGISTERED_LETTER"}""");
        assertThat(mainVariable("decisionOutcome")).isEqualTo("IMPLICIT_REFUSAL");
        now("2026-06-04T09:00");
        fireDueTimers();
        complete(caseworker, "renewReceipt", """
                {"renewalRequestedDate": "2026-06-04", "renewalChannel": "COUNTER"}""");
        complete(caseworker, "recordRenewedReceipt", """
                {"receiptType": "RECEPISSE", "receiptNumber": "R6900778", "receiptValidUntil": "2026-09-18"}""");

        // A month later, the explicit refusal with an OQTF, by registered letter first presented on 22 June: no
        // decision instance waits (the strategy against the implicit refusal is still to choose): the OQTF gets
        // its own follow-up beside it; 1 month, franc: Thursday 23 July.
        now("2026-06-24T10:00");
        var decision = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED_WITH_OQTF", "notificationMode": "POST", "decisionNotifiedDate": "2026-06-22",
                 "letterCollectedDate": "2026-06-24", "oqtfKind": "ORDINARY", "oqtfNotifiedAt": "2026-06-24T09:00",
                 "printedDeadline": "2026-07-24"}""");
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.json().get("message").asText()).isEqualTo("OqtfNotified");
        JsonNode deadline = decision.json().get("deadline");
        assertThat(deadline.get("rule").asText()).isEqualTo("OQTF_ORDINARY");
        assertThat(deadline.get("from").asText()).as("the first presentation").isEqualTo("2026-06-22");
        assertThat(deadline.get("date").asText()).isEqualTo("2026-07-23");
        assertThat(deadline.get("printedDeadlineDiffers").asBoolean())
                .as("the letter says 24 July")
                .isTrue();
        assertThat(taskKeys(coordinator))
                .contains("checkOqtfPrintedDeadline", "oqtfOrdinary")
                .as("the choice against the implicit refusal is not deleted")
                .contains("chooseAppealStrategy");
        assertThat(due(coordinator, "oqtfOrdinary")).isEqualTo(endOfDay("2026-07-23"));
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("receipt")
                        .count())
                .as("the explicit decision ends the récépissé follow-up")
                .isZero();

        // House arrest notified ten days later: 7 days from it, not franc, not extended: Thursday 9 July.
        now("2026-07-02T12:00");
        var restricted = caseworker.post("/api/cases/" + caseId + "/events/liberty-restricted", """
                {"restrictionKind": "HOUSE_ARREST", "restrictionNotifiedAt": "2026-07-02T10:00"}""");
        assertThat(restricted.status()).as(restricted.toString()).isEqualTo(200);
        assertThat(taskKeys(coordinator)).doesNotContain("oqtfOrdinary");
        assertThat(due(coordinator, "oqtfHouseArrest")).isEqualTo(endOfDay("2026-07-09"));
        assertThat(mainVariable("contentiousAppealRule"))
                .as("the implicit refusal's deadline is its own")
                .isEqualTo("CONTENTIOUS_APPEAL");

        // The association files the request itself, within the 7 days.
        complete(coordinator, "oqtfHouseArrest", """
                {"lawyerContactedAt": "2026-07-02T12:30", "lawyerName": "Me Martin"}""");
        assertThat(due(coordinator, "decideOqtfAppeal")).isEqualTo(endOfDay("2026-07-09"));
        complete(coordinator, "decideOqtfAppeal", """
                {"oqtfAppealDecision": "CONTENTIOUS"}""");
        assertThat(due(coordinator, "offerAppealToLawyer")).isEqualTo(endOfDay("2026-07-09"));
        complete(coordinator, "offerAppealToLawyer", """
                {"filingBy": "ASSOCIATION"}""");
        now("2026-07-03T10:00");
        assertThat(due(caseworker, "fileRequestByAssociation")).isEqualTo(endOfDay("2026-07-09"));
        complete(caseworker, "fileRequestByAssociation", """
                {"requestFiledDate": "2026-07-03", "requestFiledChannel": "TELERECOURS_CITOYENS",
                 "court": "LYON"}""");
        assertThat(taskKeys(coordinator)).contains("offerProceedingsToLawyer", "chooseAppealStrategy");
        assertThat(history.createHistoricVariableInstanceQuery().variableName("requestFiledDate").list().stream()
                        .anyMatch(v -> "2026-07-03".equals(v.getValue())))
                .isTrue();
    }

    /**
     * Issue 18, the sequence people live: implicit refusal, "no appeal for now", récépissé renewed, an OQTF
     * first presented by post and collected two weeks later, a placement in retention five days after: the
     * OQTF's task is due 48 hours after the retention's notification, its challenge before the judge too,
     * and nothing of the earlier follow-up is lost.
     */
    @Test
    void noAppealForNowThenAnOqtfByPostThenARetentionGivesFortyEightHoursFromTheRetention() {
        Associations.ensure(jdbc, ALPHA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());

        now("2026-01-05T09:00");
        var opened = caseworker.post("/api/cases", """
                {"applicantName": "Fatou Camara", "ground": "L423-23", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        caseId = opened.json().get("id").asText();
        complete(caseworker, "prepareCase", """
                {"ground": "L423-23", "evidenceGathered": true, "personalStatementWritten": true, "proceedWithApplication": true}""");
        complete(caseworker, "recordBookingAttempt", """
                {"attemptAt": "2026-01-05T09:00", "attemptChannel": "PREFECTURE_WEBSITE",
                 "attemptResult": "SLOT_OBTAINED", "appointmentDate": "2026-01-20"}""");
        complete(caseworker, "prepareAppointment", """
                {"appointmentChecklist": ["CONVOCATION", "ORIGINALS", "TAX_STAMP"]}""");
        now("2026-01-20T08:00");
        fireDueTimers();
        complete(caseworker, "attendAppointment", """
                {"appointmentOutcome": "HELD", "appointmentDate": "2026-01-20"}""");
        assertThat(coordinator
                        .put("/api/cases/" + caseId + "/filing-override", """
                {"reason": "Pièces remises en main propre au guichet"}""")
                        .status())
                .isIn(200, 204);
        complete(caseworker, "recordFiling", """
                {"filingDate": "2026-01-20", "feePaid": true, "feeAmount": 50, "fileComplete": true}""");
        complete(caseworker, "recordReceipt", """
                {"receiptType": "RECEPISSE", "receiptNumber": "R6900901", "receiptValidUntil": "2026-06-19"}""");
        String receipt = receiptInstance();

        // Implicit refusal on 20 May; no appeal for now: the case waits for the explicit decision.
        now("2026-05-20T09:00");
        fireDueTimers();
        complete(caseworker, "requestReasons", """
                {"reasonsRequestedDate": "2026-05-20", "reasonsRequestChannel": "REGISTERED_LETTER"}""");
        complete(coordinator, "chooseAppealStrategy", """
                {"appealStrategy": "NONE"}""");
        assertThat(mainVariable("decisionOutcome")).isEqualTo("IMPLICIT_REFUSAL");
        assertThat(caseworker.get("/api/cases/" + caseId).json().get("status").asText())
                .isNotEqualTo("CLOSED");

        // The récépissé is renewed on 4 June: the same follow-up.
        now("2026-06-04T09:00");
        fireDueTimers();
        complete(caseworker, "renewReceipt", """
                {"renewalRequestedDate": "2026-06-04", "renewalChannel": "COUNTER"}""");
        complete(caseworker, "recordRenewedReceipt", """
                {"receiptType": "RECEPISSE", "receiptNumber": "R6900902", "receiptValidUntil": "2026-09-18"}""");
        assertThat(receiptInstance()).isEqualTo(receipt);

        // A refusal with an OQTF, first presented by post on 22 June, collected on 6 July: the first
        // presentation counts, 1 month franc: Thursday 23 July.
        now("2026-07-06T15:00");
        var oqtf = caseworker.post("/api/cases/" + caseId + "/events/decision-notified", """
                {"decisionOutcome": "REFUSED_WITH_OQTF", "notificationMode": "POST", "decisionNotifiedDate": "2026-06-22",
                 "letterCollectedDate": "2026-07-06", "oqtfKind": "ORDINARY"}""");
        assertThat(oqtf.status()).as(oqtf.toString()).isEqualTo(200);
        assertThat(oqtf.json().get("message").asText()).isEqualTo("DecisionNotified");
        assertThat(oqtf.json().get("deadline").get("date").asText()).isEqualTo("2026-07-23");
        assertThat(due(coordinator, "oqtfOrdinary")).isEqualTo(endOfDay("2026-07-23"));

        // Placed in retention five days after, on Saturday 11 July at 06:00, recorded at 09:00.
        now("2026-07-11T09:00");
        var retention = caseworker.post("/api/cases/" + caseId + "/events/liberty-restricted", """
                {"restrictionKind": "RETENTION", "restrictionNotifiedAt": "2026-07-11T06:00"}""");
        assertThat(retention.status()).as(retention.toString()).isEqualTo(200);
        java.time.Instant fortyEightHours =
                LocalDateTime.of(2026, 7, 13, 6, 0).atZone(PARIS).toInstant();
        assertThat(taskKeys(coordinator)).doesNotContain("oqtfOrdinary", "findRemovalMeasure");
        assertThat(due(coordinator, "oqtfRetention")).isEqualTo(fortyEightHours);
        assertThat(due(coordinator, "followRetentionChallenge")).isEqualTo(fortyEightHours);

        // Nothing of the earlier follow-up is lost.
        assertThat(receiptInstance()).as("the récépissé follow-up").isEqualTo(receipt);
        assertThat(mainVariable("decisionOutcome")).isEqualTo("IMPLICIT_REFUSAL");
        assertThat(mainVariable("decisionNotifiedDate")).isEqualTo("2026-05-20");
        assertThat(mainVariable("appealStrategy")).isEqualTo("NONE");
        assertThat(history.createHistoricVariableInstanceQuery().variableName("reasonsRequestedDate").list().stream()
                        .anyMatch(v -> "2026-05-20".equals(v.getValue())))
                .isTrue();

        // The lawyer is found: the court decision is due on the same 48 hours.
        complete(coordinator, "oqtfRetention", """
                {"lawyerContactedAt": "2026-07-11T09:30", "lawyerName": "Me Martin"}""");
        assertThat(due(coordinator, "decideContentiousAppeal")).isEqualTo(fortyEightHours);
    }

    /**
     * Issue 18 item 14: the renewal filed through the API ({@code applyForRenewal}, form {@code case-renewal-filed})
     * opens a renewal case that starts where the renewal is, at its filing: nothing of the preparation, the
     * appointment or the filing asked again, the récépissé followed from its dates (R431-12 CESEDA), the implicit
     * refusal 4 months after the renewal's filing (R432-1, R432-2). The case renewed closes as {@code RENEWED}, its
     * outcome kept. The way to the renewal task is the first test's: here the case is moved to it.
     */
    @Test
    void aRenewalFiledAtThePrefectureStartsTheRenewalCaseAtItsFilingWithItsRecepisseAndItsDecision() {
        signIn();
        now("2027-09-20T10:00");
        String previous = grantedCaseAtTheRenewal("2027-11-19");

        // a récépissé ending before it was issued is refused, naming the field, and nothing is opened
        var refused = caseworker.post("/api/tasks/" + taskId(caseworker, "applyForRenewal") + "/complete", """
                {"renewalFiledDate": "2027-09-20", "renewalChannel": "PREFECTURE",
                 "renewalReceiptIssuedDate": "2027-09-20", "renewalReceiptValidUntil": "2027-09-01"}""");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.toString()).contains("renewalReceiptValidUntil");
        assertThat(renewalOf(previous)).isNull();

        complete(caseworker, "applyForRenewal", """
                {"renewalFiledDate": "2027-09-20", "renewalChannel": "PREFECTURE",
                 "renewalReceiptIssuedDate": "2027-09-20", "renewalReceiptValidUntil": "2027-12-19"}""");

        JsonNode old = caseworker.get("/api/cases/" + previous).json();
        assertThat(old.get("status").asText()).isEqualTo("CLOSED");
        assertThat(old.get("progress").get("closedReason").asText()).isEqualTo("RENEWED");
        assertThat(old.get("progress").get("outcome").asText())
                .as("outcome kept")
                .isEqualTo("GRANTED");
        assertThat(caseInstances()).isEmpty();

        caseId = renewalOf(previous);
        assertThat(caseId).as("the renewal case").isNotNull();
        JsonNode opened = caseworker.get("/api/cases/" + caseId).json();
        assertThat(opened.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(opened.get("filedOn").asText()).isEqualTo("2027-09-20");
        assertThat(opened.get("receiptExpiresOn").asText()).isEqualTo("2027-12-19");
        assertThat(opened.get("progress").get("step").asText()).isEqualTo("decision");
        assertThat(taskKeys(caseworker))
                .as("nothing to prepare, book or file: the récépissé and the decision are awaited")
                .isEmpty();

        // the récépissé's renewal is asked 15 days before its end (Saturday 4 December: Friday 3)
        now("2027-12-03T08:00");
        fireDueTimers();
        assertThat(taskKeys(caseworker)).containsExactly("renewReceipt");
        assertThat(due(caseworker, "renewReceipt")).isEqualTo(endOfDay("2027-12-03"));

        // 4 months after the renewal's filing, silence is an implicit refusal: the strategy is to be chosen
        now("2028-01-19T23:00");
        fireDueTimers();
        assertThat(taskKeys(caseworker)).doesNotContain("chooseAppealStrategy");
        now("2028-01-20T08:00");
        fireDueTimers();
        assertThat(taskKeys(caseworker)).contains("chooseAppealStrategy", "renewReceipt");
        JsonNode refusal = caseworker.get("/api/cases/" + caseId).json();
        assertThat(refusal.get("progress").get("outcome").asText()).isEqualTo("IMPLICIT_REFUSAL");
        assertThat(refusal.get("progress").get("outcomeOn").asText()).isEqualTo("2028-01-20");
    }

    /** Online with no attestation of extension yet (R431-15-1 CESEDA): a task to obtain it by the card's end. */
    @Test
    void aRenewalFiledOnlineWithNoAttestationYetAsksForItByTheCardsEnd() {
        signIn();
        now("2027-07-23T10:00");
        String previous = grantedCaseAtTheRenewal("2027-11-19");
        complete(caseworker, "applyForRenewal", """
                {"renewalFiledDate": "2027-07-22", "renewalChannel": "ANEF"}""");

        caseId = renewalOf(previous);
        assertThat(taskKeys(caseworker)).containsExactly("obtainRenewalDocument");
        assertThat(due(caseworker, "obtainRenewalDocument"))
                .isEqualTo(java.time.LocalDate.parse("2027-11-19")
                        .atStartOfDay(PARIS)
                        .toInstant());
        now("2027-11-12T10:00");
        complete(caseworker, "obtainRenewalDocument", """
                {"receiptType": "EXTENSION_ATTESTATION", "receiptIssuedDate": "2027-11-10",
                 "receiptValidUntil": "2028-02-18"}""");
        assertThat(taskKeys(caseworker)).isEmpty();
        assertThat(caseworker
                        .get("/api/cases/" + caseId)
                        .json()
                        .get("receiptExpiresOn")
                        .asText())
                .isEqualTo("2028-02-18");
    }

    private void signIn() {
        Associations.ensure(jdbc, ALPHA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
    }

    /**
     * A case opened through the API (its id in {@code caseId}), then moved to the renewal task as a grant with
     * its card collected would leave it: the card's end and its window's rules set.
     */
    private String grantedCaseAtTheRenewal(String cardValidUntil) {
        var opened = caseworker.post("/api/cases", """
                {"applicantName": "Awa Traoré", "ground": "L423-23", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        caseId = opened.json().get("id").asText();
        String main = caseInstances().get(0);
        runtime.setVariables(
                main,
                java.util.Map.of(
                        "decisionOutcome", "GRANTED",
                        "decisionNotifiedDate", "2026-11-10",
                        "cardCollectedDate", "2026-11-20",
                        "cardValidUntil", cardValidUntil,
                        "renewalOpensRule", "RENEWAL_PREFECTURE_OPENS",
                        "renewalClosesRule", "RENEWAL_PREFECTURE_CLOSES"));
        runtime.createProcessInstanceModification(main)
                .startBeforeActivity("applyForRenewal")
                .cancelAllForActivity("prepareCase")
                .execute();
        assertThat(taskKeys(caseworker)).containsExactly("applyForRenewal");
        return caseId;
    }

    /** The case renewing {@code renewed}, among its applicant's cases, or null. */
    private String renewalOf(String renewed) {
        String applicant = caseworker
                .get("/api/cases/" + renewed)
                .json()
                .get("applicantId")
                .asText();
        List<String> found = new ArrayList<>();
        casesOf(applicant).forEach(other -> {
            if (renewed.equals(other.path("renewalOf").asText())) {
                found.add(other.get("id").asText());
            }
        });
        assertThat(found).as("one renewal case at most").hasSizeLessThan(2);
        return found.isEmpty() ? null : found.get(0);
    }

    private String receiptInstance() {
        var receipt = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey("receipt")
                .singleResult();
        assertThat(receipt).as("the récépissé follow-up runs").isNotNull();
        return receipt.getId();
    }

    private java.time.Instant due(Api as, String key) {
        JsonNode task = as.get("/api/tasks/" + taskId(as, key)).json();
        return java.time.Instant.parse(task.get("due").asText());
    }

    private static java.time.Instant endOfDay(String date) {
        return java.time.LocalDate.parse(date)
                .plusDays(1)
                .atStartOfDay(PARIS)
                .toInstant()
                .minusSeconds(1);
    }

    private List<JsonNode> casesOf(String applicantId) {
        List<JsonNode> found = new ArrayList<>();
        caseworker
                .get("/api/cases?applicantId=" + applicantId)
                .json()
                .get("content")
                .forEach(found::add);
        return found;
    }

    private void now(String parisDateTime) {
        ClockUtil.setCurrentTime(
                Date.from(LocalDateTime.parse(parisDateTime).atZone(PARIS).toInstant()));
    }

    /** What the job executor does in production: runs the case's timers that are due. */
    private void fireDueTimers() {
        for (int round = 0; round < 10; round++) {
            List<Job> due = new ArrayList<>();
            for (String instance : caseInstances()) {
                due.addAll(management
                        .createJobQuery()
                        .processInstanceId(instance)
                        .executable()
                        .list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private List<String> caseInstances() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(instance -> instance.getId())
                .toList();
    }

    private boolean isMainInstance(HistoricActivityInstance end) {
        return caseId.equals(history.createHistoricProcessInstanceQuery()
                .processInstanceId(end.getProcessInstanceId())
                .singleResult()
                .getBusinessKey());
    }

    private Object mainVariable(String name) {
        return runtime.getVariable(
                runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId)
                        .processDefinitionKey("regularisation")
                        .singleResult()
                        .getId(),
                name);
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
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
    }
}
