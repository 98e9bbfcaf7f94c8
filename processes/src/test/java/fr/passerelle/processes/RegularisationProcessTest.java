package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code regularisation}, the case's main process, on the real models it calls: preparation,
 * appointment, filing, the récépissé followed until the decision, the commission, the choice of
 * appeals (gracious, hierarchical, both, straight to court, none; only the court against an OQTF),
 * the contentious deadline from the right date, and the judgment's outcomes. The called models are
 * tested in their own classes and left out of this class's coverage.
 */
@Deployment(
        resources = {
            "bpmn/regularisation.bpmn",
            "bpmn/appointment.bpmn",
            "bpmn/filing.bpmn",
            "bpmn/receipt.bpmn",
            "bpmn/decision.bpmn",
            "bpmn/commission-hearing.bpmn",
            "bpmn/appeal-gracious.bpmn",
            "bpmn/appeal-hierarchical.bpmn",
            "bpmn/appeal-contentious.bpmn"
        })
class RegularisationProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine(
            "appointment",
            "filing",
            "receipt",
            "decision",
            "commission-hearing",
            "appeal-gracious",
            "appeal-hierarchical",
            "appeal-contentious");

    // ---------------------------------------------------------------- helpers

    /** The open task {@code key} of this case, in the main process or in any process it called. */
    private Task caseTask(String key) {
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    private long openTasks(String key) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(key)
                .count();
    }

    /** The running instance of the called model {@code key} for this case. */
    private ProcessInstance called(String key) {
        ProcessInstance pi = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey(key)
                .singleResult();
        assertThat(pi).as("running %s", key).isNotNull();
        return pi;
    }

    private long running(String key) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey(key)
                .count();
    }

    private Object variable(ProcessInstance pi, String name) {
        return engine.getRuntimeService().getVariable(pi.getId(), name);
    }

    private ProcessInstance startCase(boolean onlineFiling) {
        ProcessInstance pi = start("regularisation", vars("department", "69", "onlineFiling", onlineFiling));
        Task prepare = task(pi);
        assertThat(prepare).hasDefinitionKey("prepareCase").hasCandidateGroup("caseworker");
        assertThat(prepare.getName()).isEqualTo("Préparer le dossier : éligibilité, pièces, récit");
        return pi;
    }

    /** A case filed online on the ANEF on 2 March, complete: the decision is awaited until 2 July. */
    private ProcessInstance fileOnline() {
        ProcessInstance pi = startCase(true);
        complete(task(pi), vars("ground", "L423-23", "evidenceGathered", true, "proceedWithApplication", true));
        complete(caseTask("fileOnline"), vars("onlineFiled", true));
        complete(caseTask("recordFiling"), vars("filingDate", "2026-03-02", "feePaid", true, "fileComplete", true));
        assertThat(pi).isWaitingAt("callReceipt", "callDecision");
        return pi;
    }

    private void notifyDecision(Map<String, Object> variables) {
        correlate("DecisionNotified", variables);
    }

    /** A refusal without OQTF notified on 4 May 2026: appeals until 5 July (stand-in). */
    private void refuse() {
        notifyDecision(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-05-04"));
    }

    private void answerAdministrativeAppeal(String kind, String outcome, String date) {
        engine.getRuntimeService()
                .createMessageCorrelation("AdministrativeAppealAnswered")
                .processInstanceBusinessKey(caseId)
                .processInstanceVariableEquals("administrativeAppealKind", kind)
                .setVariable("administrativeAppealOutcome", outcome)
                .setVariable("administrativeAppealAnswerDate", date)
                .correlate();
    }

    private void sendAdministrativeAppeal(String kind, String sent, String received) {
        String prefix = kind.equals("GRACIOUS") ? "Gracious" : "Hierarchical";
        complete(
                caseTask("send" + prefix + "Appeal"),
                vars("administrativeAppealSentDate", sent, "administrativeAppealSentBy", "REGISTERED_LETTER"));
        complete(caseTask("record" + prefix + "AppealReceipt"), vars("administrativeAppealReceivedDate", received));
    }

    /** The contentious appeal up to a filed request, with lawyer {@code lawyer}. */
    private void contentiousAppealFiled(String lawyer, String filedDate) {
        complete(caseTask("offerAppealToLawyer"), vars("offeredLawyerId", lawyer));
        complete(caseTask("acceptAppeal"), vars("appealAccepted", true));
        complete(caseTask("chooseContentiousStrategy"), vars("legalAidRequested", false, "urgentProcedure", "NONE"));
        complete(caseTask("fileRequest"), vars("requestFiledDate", filedDate, "court", "LYON"));
    }

    // ---------------------------------------------------------------- a renewal case

    /**
     * Issue 18 item 14: a renewal case starts where the renewal is, at its filing (the backend sets the
     * renewal's facts at the start): the récépissé handed at the prefecture is followed from its own dates
     * (R431-12 CESEDA), the decision awaited, and 4 months after the renewal's filing the implicit refusal is
     * born (R432-1, R432-2); nothing of the preparation, the appointment or the filing is asked again.
     */
    @Test
    void aRenewalCaseStartsAtItsFilingItsRecepisseFollowedAndItsImplicitRefusalFourMonthsLater() {
        ProcessInstance pi = start(
                "regularisation",
                vars(
                        "department", "69",
                        "onlineFiling", false,
                        "renewalOf", "11111111-1111-1111-1111-111111111111",
                        "renewalFiledDate", "2027-09-20",
                        "renewalChannel", "PREFECTURE",
                        "renewalReceiptIssuedDate", "2027-09-20",
                        "renewalReceiptValidUntil", "2027-12-19",
                        "renewedCardValidUntil", "2027-11-19"));

        assertThat(pi).isWaitingAt("callReceipt", "callDecision").hasPassed("renewalStartGateway");
        assertThat(pi).hasNotPassed("prepareCase", "callAppointment", "callFiling");
        assertThat(openTasks("prepareCase") + openTasks("recordReceipt")).isZero();
        assertThat(pi).variables().containsEntry("filingDate", "2027-09-20").containsEntry("filingMode", "APPOINTMENT");
        // the récépissé issued with the renewal is followed from its end: renewal asked 15 days before
        ProcessInstance receipt = called("receipt");
        assertThat(receipt).isWaitingAt("renewalDue");
        assertThat(variable(receipt, "receiptType")).isEqualTo("RECEPISSE");
        assertThat(timer(receipt, "renewalDue").getDuedate()).isEqualTo(startOf("2027-12-04"));
        // 4 months after the renewal's filing, silence is an implicit refusal
        ProcessInstance decision = called("decision");
        assertThat(variable(decision, "filingDate")).isEqualTo("2027-09-20");
        assertThat(timer(decision, "implicitRefusal").getDuedate()).isEqualTo(startOf("2028-01-20"));
        fireTimer(decision, "implicitRefusal", startOf("2028-01-20"));
        assertThat(pi)
                .variables()
                .containsEntry("decisionOutcome", "IMPLICIT_REFUSAL")
                .containsEntry("decisionNotifiedDate", "2028-01-20");
        assertThat(caseTask("chooseAppealStrategy")).isNotNull();
        assertThat(called("receipt").getId()).as("the récépissé still followed").isEqualTo(receipt.getId());
    }

    /**
     * A renewal filed online with no attestation issued yet: a task to obtain the attestation of extension
     * (R431-15-1 CESEDA), due by the renewed card's end; once recorded, its renewal is followed.
     */
    @Test
    void aRenewalFiledOnlineWithoutItsAttestationYetAsksForItByTheCardsEnd() {
        ProcessInstance pi = start(
                "regularisation",
                vars(
                        "department", "69",
                        "onlineFiling", true,
                        "renewalOf", "11111111-1111-1111-1111-111111111111",
                        "renewalFiledDate", "2027-07-22",
                        "renewalChannel", "ANEF",
                        "renewedCardValidUntil", "2027-11-19"));

        assertThat(pi).isWaitingAt("callReceipt", "callDecision").hasNotPassed("prepareCase");
        assertThat(pi).variables().containsEntry("filingMode", "ONLINE");
        Task obtain = caseTask("obtainRenewalDocument");
        assertThat(obtain.getDueDate()).isEqualTo(startOf("2027-11-19"));
        complete(obtain, vars("receiptType", "EXTENSION_ATTESTATION", "receiptValidUntil", "2028-02-18"));
        assertThat(timer(called("receipt"), "renewalDue").getDuedate()).isEqualTo(startOf("2028-02-03"));
        assertThat(timer(called("decision"), "implicitRefusal").getDuedate()).isEqualTo(startOf("2027-11-22"));
    }

    // ---------------------------------------------------------------- a whole case

    @Test
    void aWholeCaseFromPreparationThroughImplicitRefusalAndAppealsToThePermit() {
        ProcessInstance pi = startCase(false);
        complete(
                task(pi),
                vars(
                        "ground",
                        "L435-1",
                        "eligibilityNotes",
                        "11 ans de présence, 2 enfants scolarisés",
                        "evidenceGathered",
                        true,
                        "personalStatementWritten",
                        true,
                        "proceedWithApplication",
                        true));

        // appointment: a slot is booked, the appointment is held on 20 March
        assertThat(pi).isWaitingAt("callAppointment");
        complete(
                caseTask("recordBookingAttempt"),
                vars(
                        "attemptAt",
                        "2026-03-02T09:05",
                        "attemptChannel",
                        "PREFECTURE_WEBSITE",
                        "attemptResult",
                        "SLOT_OBTAINED",
                        "appointmentDate",
                        "2026-03-20"));
        complete(caseTask("prepareAppointment"));
        fireTimer(called("appointment"), "appointmentDay", startOf("2026-03-20"));
        complete(caseTask("attendAppointment"), vars("appointmentOutcome", "HELD"));
        assertThat(pi)
                .variables()
                .containsEntry("filingMode", "APPOINTMENT")
                .containsEntry("appointmentDate", "2026-03-20");

        // filing: complete on the day, the fee paid
        assertThat(pi).isWaitingAt("callFiling");
        complete(
                caseTask("recordFiling"),
                vars("filingDate", "2026-03-20", "feePaid", true, "feeAmount", 50L, "fileComplete", true));
        assertThat(pi).variables().containsEntry("filingDate", "2026-03-20").containsEntry("fileComplete", true);

        // instruction: the récépissé and the decision side by side
        assertThat(pi).isWaitingAt("callReceipt", "callDecision");
        complete(
                caseTask("recordReceipt"),
                vars("receiptType", "RECEPISSE", "receiptNumber", "6901234567", "receiptValidUntil", "2026-07-19"));
        assertThat(timer(called("decision"), "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-07-20"));

        // the récépissé is renewed 15 days before it expires
        fireTimer(called("receipt"), "renewalDue", startOf("2026-07-04"));
        complete(caseTask("renewReceipt"), vars("renewalRequestedDate", "2026-07-04", "receiptNoLongerNeeded", false));
        complete(
                caseTask("recordRenewedReceipt"),
                vars("receiptType", "RECEPISSE", "receiptNumber", "6901234568", "receiptValidUntil", "2026-10-18"));
        String receiptInstance = called("receipt").getId();

        // four months of silence: implicit refusal; the reasons are asked; the récépissé is still followed
        // (prefectures keep renewing it while the file is examined: CE avis 6 mai 2025 n° 499904)
        fireTimer(called("decision"), "implicitRefusal", startOf("2026-07-20"));
        complete(
                caseTask("requestReasons"),
                vars("reasonsRequestedDate", "2026-07-21", "reasonsRequestChannel", "REGISTERED_LETTER"));
        assertThat(called("receipt").getId()).isEqualTo(receiptInstance);
        assertThat(timer(called("receipt"), "renewalDue").getDuedate()).isEqualTo(startOf("2026-10-03"));
        assertThat(pi)
                .variables()
                .containsEntry("decisionOutcome", "IMPLICIT_REFUSAL")
                .containsEntry("decisionNotifiedDate", "2026-07-20");

        // the coordinator chooses a gracious appeal, within the deadline counted from the implicit refusal
        Task strategy = task(pi);
        assertThat(strategy).hasDefinitionKey("chooseAppealStrategy").hasCandidateGroup("coordinator");
        assertThat(strategy.getDueDate()).isEqualTo(endOf("2026-09-21"));
        complete(strategy, vars("appealStrategy", "GRACIOUS"));
        assertThat(running("appeal-hierarchical")).isZero();
        assertThat(caseTask("sendGraciousAppeal").getDueDate()).isEqualTo(endOf("2026-09-21"));
        sendAdministrativeAppeal("GRACIOUS", "2026-07-27", "2026-07-29");
        answerAdministrativeAppeal("GRACIOUS", "REJECTED", "2026-09-10");

        // rejected: the contentious deadline restarts in full from the rejection
        assertThat(pi)
                .variables()
                .containsEntry("graciousAppealOutcome", "REJECTED")
                .containsEntry("graciousAppealRejectedDate", "2026-09-10")
                .containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
                .containsEntry("contentiousAppealFrom", "2026-09-10");
        Task decide = task(pi);
        assertThat(decide).hasDefinitionKey("decideContentiousAppeal").hasCandidateGroup("coordinator");
        assertThat(decide.getDueDate()).isEqualTo(endOf("2026-11-11"));
        complete(decide, vars("appealStrategy", "CONTENTIOUS"));

        // the contentious appeal: its deadline is the one computed here
        ProcessInstance contentious = called("appeal-contentious");
        assertThat(variable(contentious, "contentiousAppealFrom")).isEqualTo("2026-09-10");
        assertThat(caseTask("offerAppealToLawyer").getDueDate()).isEqualTo(endOf("2026-11-11"));
        contentiousAppealFiled("lawyer-martin", "2026-10-20");
        complete(caseTask("recordHearingDate"), vars("hearingDate", "2027-02-10"));
        fireTimer(contentious, "hearingDay", startOf("2027-02-10"));
        complete(caseTask("reportHearing"), vars("hearingPostponed", false, "judgmentExpectedDate", "2027-03-01"));
        correlate("JudgmentNotified", vars("judgmentOutcome", "ANNULMENT_REEXAMINE", "judgmentDate", "2027-03-01"));
        complete(caseTask("requestJudgmentExecution"), vars("executionRequestedDate", "2027-03-02"));

        // annulment with re-examination: back to the decision, 4 months of silence from the judgment; the
        // récépissé follow-up, still running, is not opened twice
        assertThat(pi)
                .variables()
                .containsEntry("judgmentOutcome", "ANNULMENT_REEXAMINE")
                .containsEntry("lawyerId", "lawyer-martin")
                .containsEntry("reexaminationFrom", "2027-03-01");
        assertThat(pi).isWaitingAt("callReceipt", "callDecision").hasPassed("receiptAlreadyFollowed");
        assertThat(called("receipt").getId()).isEqualTo(receiptInstance);
        ProcessInstance decision = called("decision");
        assertThat(variable(decision, "filingDate")).isEqualTo("2027-03-01");
        assertThat(timer(decision, "implicitRefusal").getDuedate()).isEqualTo(startOf("2027-07-01"));

        // granted: the récépissé is followed until the card is collected (R431-12 CESEDA); its end date
        // opens the renewal window
        notifyDecision(vars("decisionOutcome", "GRANTED", "decisionNotifiedDate", "2027-04-15"));
        assertThat(called("receipt").getId()).isEqualTo(receiptInstance);
        assertThat(pi).hasNotPassed("receiptEndedByDecision");
        complete(caseTask("collectCard"), vars("cardCollectedDate", "2027-05-03", "cardValidUntil", "2028-05-02"));
        assertThat(running("receipt")).isZero();
        assertThat(pi).hasPassed("receiptEndedByDecision");
        // a title not on the ANEF list: renewed at the prefecture, in the two months before the card ends
        // (R431-5 CESEDA)
        assertThat(pi)
                .variables()
                .containsEntry("renewalOpensRule", "RENEWAL_PREFECTURE_OPENS")
                .containsEntry("renewalClosesRule", "RENEWAL_PREFECTURE_CLOSES");
        fireTimer(pi, "renewalWindowOpens", startOf("2028-03-02"));
        Task renewal = caseTask("applyForRenewal");
        assertThat(renewal.getDueDate()).isEqualTo(endOf("2028-05-01"));
        assertThat(timer(pi, "renewalWindowClosing").getDuedate()).isEqualTo(startOf("2028-05-02"));
        complete(renewal, vars("renewalFiledDate", "2028-03-15", "renewalChannel", "PREFECTURE"));

        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "prepareCase",
                        "callAppointment",
                        "callFiling",
                        "callReceipt",
                        "callDecision",
                        "chooseAppealStrategy",
                        "callGraciousAppeal",
                        "decideContentiousAppeal",
                        "callContentiousAppeal",
                        "collectCard",
                        "renewalApplied",
                        "caseClosed")
                .hasNotPassed("callHierarchicalAppeal", "callCommissionHearing", "obtainPermitAfterJudgment");
        assertThat(pi)
                .variables()
                .containsEntry("decisionOutcome", "GRANTED")
                .containsEntry("decisionNotifiedDate", "2027-04-15");
    }

    // ---------------------------------------------------------------- other paths

    @Test
    void aCaseWithNoGroundIsClosedWithoutFiling() {
        ProcessInstance pi = startCase(false);
        complete(
                task(pi),
                vars("proceedWithApplication", false, "closingReason", "Aucun fondement : 2 ans de présence"));

        assertThat(pi).isEnded().hasPassed("caseClosedWithoutFiling").hasNotPassed("callAppointment");
    }

    /** Item 17: triage closes a case that is not ours (asylum, Dublin): everything that runs for it ends. */
    @Test
    void aCaseNotOursIsClosedAtTriageAndWhatRanForItEnds() {
        ProcessInstance pi = startCase(false);
        oqtfNotified(
                "decisionOutcome", "OQTF",
                "decisionNotifiedDate", "2026-03-02",
                "notificationMode", "HAND",
                "oqtfKind", "ORDINARY",
                "oqtfNotifiedAt", "2026-03-02T10:00",
                "printedDeadline", null);
        assertThat(running("decision")).isOne();
        complete(
                caseTask("prepareCase"),
                vars("proceedWithApplication", false, "closingKind", "NOT_OURS_DUBLIN", "closingReason", "Italie"));

        assertThat(pi).isEnded().hasPassed("caseNotOurs").hasNotPassed("caseClosedWithoutFiling");
        assertThat(running("decision")).isZero();
        assertThat(openTasks("oqtfOrdinary")).isZero();
    }

    @Test
    void theCommissionIsHeardWhileTheDecisionIsAwaitedAgainAndTheReceiptRunsOn() {
        ProcessInstance pi = fileOnline();
        String receipt = called("receipt").getId();

        notifyDecision(vars("decisionOutcome", "COMMISSION_REFERRAL", "decisionNotifiedDate", "2026-04-01"));
        // the hearing, and a decision that may come at any time: the silence still counted from the filing
        assertThat(pi).isWaitingAt("callReceipt", "callCommissionHearing", "callDecision");
        assertThat(called("receipt").getId()).isEqualTo(receipt);
        assertThat(timer(called("decision"), "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-07-02"));

        correlate("ConvocationReceived", vars("meetingDate", "2026-05-20", "convocationReceivedDate", "2026-04-20"));
        complete(caseTask("prepareHearing"), vars("hearingAssistance", "LAWYER"));
        fireTimer(called("commission-hearing"), "meetingDay", startOf("2026-05-20"));
        complete(caseTask("attendHearing"), vars("hearingOutcome", "HELD"));
        complete(caseTask("recordOpinion"), vars("commissionOpinion", "FAVOURABLE"));
        assertThat(pi)
                .variables()
                .containsEntry("meetingDate", "2026-05-20")
                .containsEntry("commissionOpinion", "FAVOURABLE");
        assertThat(pi).isWaitingAt("callReceipt", "callDecision").hasPassed("commissionHeard");

        // the récépissé follow-up may stop on its own: the decision is still awaited
        complete(caseTask("recordReceipt"), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-06-10"));
        fireTimer(called("receipt"), "renewalDue", startOf("2026-05-26"));
        complete(caseTask("renewReceipt"), vars("receiptNoLongerNeeded", true));
        assertThat(pi).isWaitingAt("callDecision").hasPassed("receiptFollowUpEnded");
        assertThat(pi)
                .variables()
                .containsEntry("receiptType", "RECEPISSE")
                .containsEntry("receiptValidUntil", "2026-06-10");

        refuse();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi)
                .isEnded()
                .hasPassed("callCommissionHearing", "refusalNotContested")
                .hasNotPassed("callGraciousAppeal", "callHierarchicalAppeal", "callContentiousAppeal");
    }

    @Test
    void aDecisionBeforeTheCommissionOpinionIsRecordedEndsTheHearingFollowUp() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars("decisionOutcome", "COMMISSION_REFERRAL", "decisionNotifiedDate", "2026-04-01"));
        complete(
                caseTask("recordConvocation"),
                vars("convocationReceivedDate", "2026-04-20", "meetingDate", "2026-05-20"));

        refuse();
        assertThat(running("commission-hearing")).isZero();
        assertThat(running("receipt")).isZero();
        assertThat(openTasks("prepareHearing")).isZero();
        assertThat(caseTask("chooseAppealStrategy").getDueDate()).isEqualTo(endOf("2026-07-05"));
        assertThat(pi).hasNotPassed("commissionHeard");
    }

    @Test
    void bothAdministrativeAppealsRunTogetherAndOneGrantedSendsTheCaseBackToTheDecision() {
        ProcessInstance pi = fileOnline();
        refuse();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "BOTH"));

        assertThat(pi).isWaitingAt("callGraciousAppeal", "callHierarchicalAppeal");
        sendAdministrativeAppeal("GRACIOUS", "2026-05-10", "2026-05-12");
        sendAdministrativeAppeal("HIERARCHICAL", "2026-05-10", "2026-05-13");
        // each answer goes to its own appeal
        answerAdministrativeAppeal("HIERARCHICAL", "REJECTED", "2026-06-01");
        assertThat(pi).isWaitingAt("callGraciousAppeal");
        answerAdministrativeAppeal("GRACIOUS", "ACCEPTED", "2026-06-20");

        assertThat(pi)
                .variables()
                .containsEntry("graciousAppealOutcome", "ACCEPTED")
                .containsEntry("hierarchicalAppealOutcome", "REJECTED")
                .containsEntry("reexaminationFrom", "2026-06-20");
        assertThat(pi).isWaitingAt("callReceipt", "callDecision");
        assertThat(timer(called("decision"), "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-10-20"));

        notifyDecision(vars("decisionOutcome", "GRANTED", "decisionNotifiedDate", "2026-07-15"));
        complete(caseTask("collectCard"), vars("cardCollectedDate", "2026-08-03"));
        assertThat(pi)
                .isEnded()
                .hasPassed("administrativeJoin", "permitGranted")
                .hasNotPassed("decideContentiousAppeal");
    }

    @Test
    void afterBothAppealsAreRejectedTheDeadlineRunsFromTheLaterRejectionAndAnAbandonedAppealEndsTheCase() {
        ProcessInstance pi = fileOnline();
        refuse();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "BOTH"));
        sendAdministrativeAppeal("GRACIOUS", "2026-05-10", "2026-05-12");
        sendAdministrativeAppeal("HIERARCHICAL", "2026-05-10", "2026-05-13");
        answerAdministrativeAppeal("GRACIOUS", "REJECTED", "2026-06-01");
        // the minister stays silent: implicit rejection on 13 July, the later of the two
        fireTimer(called("appeal-hierarchical"), "hierarchicalAppealImplicitlyRejected", startOf("2026-07-13"));

        assertThat(pi)
                .variables()
                .containsEntry("graciousAppealRejectedDate", "2026-06-01")
                .containsEntry("hierarchicalAppealOutcome", "IMPLICITLY_REJECTED")
                .containsEntry("hierarchicalAppealRejectedDate", "2026-07-13")
                .containsEntry("contentiousAppealFrom", "2026-07-13");
        assertThat(caseTask("decideContentiousAppeal").getDueDate()).isEqualTo(endOf("2026-09-14"));
        complete(caseTask("decideContentiousAppeal"), vars("appealStrategy", "CONTENTIOUS"));

        complete(caseTask("offerAppealToLawyer"), vars("offeredLawyerId", "lawyer-martin"));
        complete(caseTask("acceptAppeal"), vars("appealAccepted", true));
        complete(caseTask("chooseContentiousStrategy"), vars("legalAidRequested", false, "urgentProcedure", "NONE"));
        fireTimer(called("appeal-contentious"), "filingDeadlineReached", startOf("2026-09-15"));
        complete(caseTask("handleMissedFilingDeadline"), vars("abandonAppeal", true));

        assertThat(running("appeal-contentious")).isZero();
        assertThat(pi).isEnded().hasPassed("contentiousAppealAbandonedEnd").hasNotPassed("remediesExhausted");
        assertThat(pi).variables().extractingByKey("judgmentOutcome").isNull();
    }

    /** Half of the deadline from {@code from} to the end of {@code lastDay}: the appeal's half-time reminder. */
    private static Date halfWay(String from, String lastDay) {
        Date start = startOf(from);
        return new Date(start.getTime() + (endOf(lastDay).getTime() - start.getTime()) / 2);
    }

    @Test
    void theStrategyNotChosenIsRemindedAtHalfTimeAndCheckedOnceTheDeadlineHasPassed() {
        ProcessInstance pi = fileOnline();
        refuse();

        fireTimer(pi, "strategyHalfTime", halfWay("2026-05-04", "2026-07-05"));
        Task reminder = caseTask("remindStrategyAtHalfTime");
        assertThat(reminder).hasCandidateGroup("coordinator");
        assertThat(reminder.getDueDate()).isEqualTo(endOf("2026-07-05"));
        complete(reminder, vars("halfTimeNotes", "Avocat joint, rendez-vous pris"));
        assertThat(caseTask("chooseAppealStrategy")).isNotNull();

        fireTimer(pi, "strategyDeadlinePassed", startOf("2026-07-06"));
        Task passed = caseTask("handleStrategyDeadlinePassed");
        assertThat(passed).hasCandidateGroup("coordinator");
        complete(passed, vars("appealDeadlinePassedNotes", "Aide juridictionnelle déposée le 3 juillet"));
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi)
                .isEnded()
                .hasPassed("strategyHalfTimeHandled", "strategyDeadlinePassedHandled", "refusalNotContested");
    }

    @Test
    void theCourtNotDecidedAfterTheRejectionIsRemindedAtHalfTimeAndCheckedOnceTheDeadlineHasPassed() {
        ProcessInstance pi = fileOnline();
        refuse();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "HIERARCHICAL"));
        sendAdministrativeAppeal("HIERARCHICAL", "2026-05-10", "2026-05-13");
        fireTimer(called("appeal-hierarchical"), "hierarchicalAppealImplicitlyRejected", startOf("2026-07-13"));

        // the 2 months restart from the rejection (L411-2 CRPA), and so do the reminders
        fireTimer(pi, "contentiousDecisionHalfTime", halfWay("2026-07-13", "2026-09-14"));
        Task reminder = caseTask("remindContentiousDecisionAtHalfTime");
        assertThat(reminder).hasCandidateGroup("coordinator");
        assertThat(reminder.getDueDate()).isEqualTo(endOf("2026-09-14"));
        complete(reminder, vars("halfTimeNotes", "La personne hésite"));

        fireTimer(pi, "contentiousDecisionDeadlinePassed", startOf("2026-09-15"));
        complete(
                caseTask("handleContentiousDecisionDeadlinePassed"),
                vars("appealDeadlinePassedNotes", "Refus définitif, personne informée"));
        complete(caseTask("decideContentiousAppeal"), vars("appealStrategy", "NONE"));
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "contentiousDecisionHalfTimeHandled",
                        "contentiousDecisionDeadlinePassedHandled",
                        "contentiousAppealNotPursued");
    }

    @Test
    void aHierarchicalAppealAloneImplicitlyRejectedThenNoCourt() {
        ProcessInstance pi = fileOnline();
        refuse();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "HIERARCHICAL"));
        assertThat(running("appeal-gracious")).isZero();
        sendAdministrativeAppeal("HIERARCHICAL", "2026-05-10", "2026-05-13");
        fireTimer(called("appeal-hierarchical"), "hierarchicalAppealImplicitlyRejected", startOf("2026-07-13"));

        assertThat(pi).variables().containsEntry("contentiousAppealFrom", "2026-07-13");
        complete(caseTask("decideContentiousAppeal"), vars("appealStrategy", "NONE"));
        assertThat(pi)
                .isEnded()
                .hasPassed("callHierarchicalAppeal", "contentiousAppealNotPursued")
                .hasNotPassed("callGraciousAppeal", "callContentiousAppeal");
    }

    @Test
    void againstAnOqtfOnlyTheCourtIsOfferedOnTheOqtfDeadlineAndAnOrderToIssueEndsWithThePermit() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-05-04"));
        complete(caseTask("oqtfOrdinary"), vars("lawyerContactedAt", "2026-05-04T11:00", "lawyerName", "Me Martin"));

        // no strategy choice: the coordinator decides on the court, on the OQTF's one-month deadline
        assertThat(openTasks("chooseAppealStrategy")).isZero();
        Task decide = task(pi);
        assertThat(decide).hasDefinitionKey("decideContentiousAppeal").hasCandidateGroup("coordinator");
        assertThat(decide.getDueDate()).isEqualTo(endOf("2026-06-05"));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_ORDINARY")
                .containsEntry("contentiousAppealFrom", "2026-05-04");
        complete(decide, vars("appealStrategy", "CONTENTIOUS"));

        assertThat(variable(called("appeal-contentious"), "contentiousAppealRule"))
                .isEqualTo("OQTF_ORDINARY");
        assertThat(caseTask("offerAppealToLawyer").getDueDate()).isEqualTo(endOf("2026-06-05"));
        contentiousAppealFiled("lawyer-martin", "2026-05-20");
        correlate("JudgmentNotified", vars("judgmentOutcome", "ANNULMENT_ISSUE", "judgmentDate", "2026-07-01"));
        complete(caseTask("requestJudgmentExecution"), vars("executionRequestedDate", "2026-07-02"));

        Task permit = task(pi);
        assertThat(permit).hasDefinitionKey("obtainPermitAfterJudgment").hasCandidateGroup("caseworker");
        complete(permit, vars("cardCollectedDate", "2026-09-01", "cardValidUntil", "2027-08-31"));
        // no injunction's delay entered: the court may be asked 3 months after the judgment; the card is
        // collected by then, nothing to ask (L911-4, R921-1-1 CJA)
        assertThat(pi)
                .variables()
                .containsEntry("enforcementRule", "JUDGMENT_ENFORCEMENT")
                .containsEntry("enforcementFrom", "2026-07-01");
        fireTimer(pi, "judgmentEnforcementDay", startOf("2026-10-01"));
        assertThat(pi).hasPassed("judgmentCarriedOut").hasNotPassed("requestJudgmentEnforcement");
        // the card ordered by the court starts the next renewal's timers too, on the ANEF's window (the
        // 120th day before the card ends, R431-5 CESEDA)
        fireTimer(pi, "renewalWindowOpens", startOf("2027-05-03"));
        complete(caseTask("applyForRenewal"), vars("renewalFiledDate", "2027-05-03"));
        assertThat(pi).isEnded().hasPassed("renewalApplied").hasNotPassed("chooseAppealStrategy");
    }

    @Test
    void anOqtfInRetentionIsCountedInHoursFromItsNotification() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "RETENTION",
                "oqtfNotifiedAt",
                "2026-05-04T17:30"));
        complete(caseTask("oqtfRetention"), vars("lawyerContactedAt", "2026-05-04T18:00", "lawyerName", "Me Martin"));

        assertThat(task(pi).getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 5, 6, 17, 30)));
        assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_RETENTION");
    }

    @Test
    void straightToCourtAndARejectedRequestExhaustTheRemedies() {
        ProcessInstance pi = fileOnline();
        refuse();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "CONTENTIOUS"));

        ProcessInstance contentious = called("appeal-contentious");
        assertThat(variable(contentious, "contentiousAppealFrom")).isEqualTo("2026-05-04");
        assertThat(caseTask("offerAppealToLawyer").getDueDate()).isEqualTo(endOf("2026-07-05"));
        contentiousAppealFiled("lawyer-martin", "2026-06-15");
        correlate("JudgmentNotified", vars("judgmentOutcome", "REJECTED", "judgmentDate", "2026-12-01"));
        complete(caseTask("closeRejectedAppeal"), vars("courtOfAppealConsidered", false));

        assertThat(pi)
                .isEnded()
                .hasPassed("remediesExhausted")
                .hasNotPassed("callGraciousAppeal", "callHierarchicalAppeal", "decideContentiousAppeal");
        assertThat(pi).variables().containsEntry("judgmentOutcome", "REJECTED");
    }

    // ---------------------------------------------------------------- issue 18: the appeal's wiring

    /**
     * The appeal against the refusal gets the deadline printed on the decision and the deciding
     * prefecture's department; after an annulment with an injunction to re-examine, the day the
     * court may be asked to enforce it is timed in the main process and, the prefecture silent, the
     * coordinator asks the court (L911-4 CJA).
     */
    @Test
    void theAppealTakesThePrintedDeadlineAndAnUnexecutedInjunctionGivesAnEnforcementTask() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars(
                "decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-05-04", "printedDeadline", "2026-06-30"));
        assertThat(pi)
                .variables()
                .containsEntry("printedDeadlineApplies", true)
                .containsEntry("prefectureDepartment", "69");
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "CONTENTIOUS"));

        ProcessInstance contentious = called("appeal-contentious");
        assertThat(variable(contentious, "printedDeadline")).isEqualTo("2026-06-30");
        assertThat(variable(contentious, "prefectureDepartment")).isEqualTo("69");
        // the printed deadline, earlier than the 2 months, drives the appeal's due dates
        assertThat(caseTask("offerAppealToLawyer").getDueDate()).isEqualTo(endOf("2026-06-30"));
        contentiousAppealFiled("lawyer-martin", "2026-06-15");
        correlate("JudgmentNotified", vars("judgmentOutcome", "ANNULMENT_REEXAMINE", "judgmentDate", "2026-12-01"));
        complete(
                caseTask("requestJudgmentExecution"),
                vars("executionRequestedDate", "2026-12-02", "injunctionDeadline", "2027-01-31"));

        assertThat(pi)
                .variables()
                .containsEntry("enforcementRule", "INJUNCTION_EXPIRY")
                .containsEntry("enforcementFrom", "2027-01-31")
                .containsEntry("injunctionDeadline", "2027-01-31");
        assertThat(pi).isWaitingAt("callDecision", "judgmentEnforcementDay");
        fireTimer(pi, "judgmentEnforcementDay", startOf("2027-02-01"));
        Task enforce = caseTask("requestJudgmentEnforcement");
        assertThat(enforce).hasCandidateGroup("coordinator");
        assertThat(enforce.getName()).isEqualTo("Demander au tribunal l'exécution du jugement");
        complete(enforce, vars("enforcementRequestedDate", "2027-02-03"));
        assertThat(pi).hasPassed("judgmentEnforcementRequested").isWaitingAt("callDecision");
    }

    /** Legal aid recorded on the case before the appeal starts is passed to it: sent in time, it interrupts. */
    @Test
    void legalAidRecordedBeforeTheAppealStartsIsPassedToIt() {
        ProcessInstance pi = fileOnline();
        refuse();
        engine.getRuntimeService().setVariable(pi.getId(), "legalAidRequestedDate", "2026-05-20");
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "CONTENTIOUS"));

        ProcessInstance contentious = called("appeal-contentious");
        assertThat(variable(contentious, "legalAidRequestedDate")).isEqualTo("2026-05-20");
        assertThat(variable(contentious, "legalAidPending")).isEqualTo(true);
        assertThat(openTasks("offerAppealToLawyer")).isZero();
    }

    /**
     * Item 5: the convocation received while the decision is awaited is how the referral becomes known
     * (the backend records it as one); the hearing's follow-up starts with its dates, does not ask for
     * them again, and checks the 15 days at once (L432-15 CESEDA).
     */
    @Test
    void aConvocationWhileTheDecisionIsAwaitedStartsTheHearingWithItsDates() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars(
                "decisionOutcome", "COMMISSION_REFERRAL",
                "decisionNotifiedDate", "2026-04-01",
                "referralConvocationReceivedDate", "2026-04-01",
                "referralMeetingDate", "2026-04-10"));

        ProcessInstance hearing = called("commission-hearing");
        assertThat(variable(hearing, "convocationReceivedDate")).isEqualTo("2026-04-01");
        assertThat(variable(hearing, "meetingDate")).isEqualTo("2026-04-10");
        assertThat(openTasks("recordConvocation")).isZero();
        assertThat(openTasks("contestLateConvocation")).isOne();
        assertThat(pi).isWaitingAt("callReceipt", "callCommissionHearing", "callDecision");
    }

    /** Item 4: a grant does not end the OQTF's own follow-up (its deadline still runs). */
    @Test
    void aGrantLeavesTheOqtfsOwnFollowUpRunning() {
        ProcessInstance pi = fileOnline();
        oqtfNotified(
                "decisionOutcome", "OQTF",
                "decisionNotifiedDate", "2026-04-01",
                "notificationMode", "HAND",
                "oqtfKind", "ORDINARY",
                "oqtfNotifiedAt", "2026-04-01T10:00",
                "printedDeadline", null);
        assertThat(openTasks("oqtfOrdinary")).isOne();

        notifyDecision(vars("decisionOutcome", "GRANTED", "decisionNotifiedDate", "2026-04-15"));
        complete(caseTask("collectCard"), vars("cardCollectedDate", "2026-04-20"));
        assertThat(pi).hasPassed("permitGranted").isNotEnded();
        assertThat(openTasks("oqtfOrdinary")).isOne();
    }

    // ---------------------------------------------------------------- issue 9: decisions at any stage

    private void correlateAll(String message, Map<String, Object> variables) {
        engine.getRuntimeService()
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(caseId)
                .setVariables(variables)
                .correlateAll();
    }

    private long waitingFor(String message) {
        return engine
                .getRuntimeService()
                .createEventSubscriptionQuery()
                .eventType("message")
                .eventName(message)
                .list()
                .stream()
                .filter(subscription -> engine.getRuntimeService()
                                .createProcessInstanceQuery()
                                .processInstanceId(engine.getRuntimeService()
                                        .createExecutionQuery()
                                        .executionId(subscription.getExecutionId())
                                        .singleResult()
                                        .getProcessInstanceId())
                                .processInstanceBusinessKey(caseId)
                                .count()
                        > 0)
                .count();
    }

    /** Filed online on 2 March, complete, récépissé until 31 August; 4 months of silence on 2 July. */
    private ProcessInstance implicitlyRefused() {
        ProcessInstance pi = fileOnline();
        complete(caseTask("recordReceipt"), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-08-31"));
        fireTimer(called("decision"), "implicitRefusal", startOf("2026-07-02"));
        complete(caseTask("requestReasons"), vars("reasonsRequestedDate", "2026-07-03"));
        assertThat(pi)
                .variables()
                .containsEntry("decisionOutcome", "IMPLICIT_REFUSAL")
                .containsEntry("examinationOver", false);
        return pi;
    }

    @Test
    void theReasonsOfAnImplicitRefusalAreAskedBesideTheStrategyWhichDoesNotWaitForThem() {
        ProcessInstance pi = fileOnline();
        fireTimer(called("decision"), "implicitRefusal", startOf("2026-07-02"));

        // at once, both: asking the reasons (L232-4 CRPA) holds nothing back
        Task strategy = caseTask("chooseAppealStrategy");
        Task reasons = caseTask("requestReasons");
        assertThat(reasons).hasCandidateGroup("caseworker");
        assertThat(reasons.getDueDate()).isEqualTo(strategy.getDueDate());
        complete(strategy, vars("appealStrategy", "CONTENTIOUS"));
        assertThat(running("appeal-contentious")).isEqualTo(1);
        assertThat(caseTask("requestReasons")).isNotNull();
        complete(caseTask("requestReasons"), vars("reasonsRequestedDate", "2026-07-03"));
        assertThat(pi).hasPassed("refusalFork", "reasonsRequested");
    }

    @Test
    void anExplicitRefusalHasNoReasonsToAsk() {
        ProcessInstance pi = fileOnline();
        refuse();
        assertThat(caseTask("chooseAppealStrategy")).isNotNull();
        assertThat(openTasks("requestReasons")).isZero();
        assertThat(pi).hasPassed("noReasonsToAsk");
    }

    @Test
    void anOqtfMonthsAfterTheImplicitRefusalStartsItsOwnDeadlineAndAHouseArrestShortensIt() {
        ProcessInstance pi = implicitlyRefused();
        String receipt = called("receipt").getId();
        assertThat(caseTask("chooseAppealStrategy")).isNotNull();

        // the récépissé is renewed after the implicit refusal
        fireTimer(called("receipt"), "renewalDue", startOf("2026-08-16"));
        complete(caseTask("renewReceipt"), vars("renewalRequestedDate", "2026-08-16", "receiptNoLongerNeeded", false));
        complete(caseTask("recordRenewedReceipt"), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-11-30"));
        assertThat(called("receipt").getId()).isEqualTo(receipt);

        // 1 September: an explicit refusal with an OQTF while no decision instance waits: the OQTF's own follow-up
        // starts beside the rest (the backend's OqtfNotified); the explicit refusal ends the récépissé follow-up
        assertThat(waitingFor("DecisionNotified")).isZero();
        oqtfNotified(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-09-01",
                "notificationMode",
                "POST",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-09-01");
        assertThat(running("receipt")).isZero();
        assertThat(caseTask("chooseAppealStrategy"))
                .as("the implicit refusal's choice is not deleted")
                .isNotNull();
        assertThat(caseTask("oqtfOrdinary").getDueDate()).isEqualTo(endOf("2026-10-02"));
        complete(caseTask("oqtfOrdinary"), vars("lawyerContactedAt", "2026-09-01T11:00", "lawyerName", "Me Martin"));
        assertThat(caseTask("decideOqtfAppeal").getDueDate()).isEqualTo(endOf("2026-10-02"));
        assertThat(pi)
                .variables()
                .as("the OQTF's deadline is its own, the implicit refusal's stays")
                .containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
                .containsEntry("examinationOver", true);

        // house arrest notified ten days later: 7 days from it, at once
        correlateAll(
                "LibertyRestricted",
                vars("restrictionKind", "HOUSE_ARREST", "restrictionNotifiedAt", "2026-09-11T10:00"));
        Task decide = caseTask("decideOqtfAppeal");
        assertThat(decide.getDueDate()).isEqualTo(endOf("2026-09-18"));
        assertThat(openTasks("findRemovalMeasure")).as("the OQTF is known").isZero();

        // an arrest alone changes nothing
        correlateAll(
                "LibertyRestricted", vars("restrictionKind", "ARREST", "restrictionNotifiedAt", "2026-09-12T08:00"));
        assertThat(caseTask("decideOqtfAppeal").getDueDate()).isEqualTo(endOf("2026-09-18"));
        complete(caseTask("decideOqtfAppeal"), vars("oqtfAppealDecision", "CONTENTIOUS"));
        ProcessInstance appeal = called("appeal-contentious");
        assertThat(variable(appeal, "contentiousAppealRule")).isEqualTo("OQTF_HOUSE_ARREST");
        assertThat(variable(appeal, "contentiousAppealFrom")).isEqualTo("2026-09-11T10:00");
        assertThat(variable(appeal, "appealAgainst")).isEqualTo("OQTF");
        assertThat(pi).variables().containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL");
        assertThat(caseTask("chooseAppealStrategy")).isNotNull();
    }

    /**
     * Issue 18, item 13: a move at any step gives the caseworker a task to declare the new address, due
     * three months after the move (stand-in: the same day three months on); the rest of the case runs on.
     */
    @Test
    void aMoveAsksToDeclareTheNewAddressWithinThreeMonthsBesideTheRest() {
        ProcessInstance pi = fileOnline();
        engine.getRuntimeService()
                .createMessageCorrelation("ApplicantMoved")
                .processInstanceBusinessKey(caseId)
                .setVariablesToTriggeredScope(vars("movedOn", "2026-04-10"))
                .correlateAll();

        Task declare = caseTask("declareAddressChange");
        assertThat(declare).hasCandidateGroup("caseworker");
        assertThat(declare.getDueDate()).isEqualTo(endOf("2026-07-10"));
        assertThat(pi).isWaitingAt("callReceipt", "callDecision", "declareAddressChange");
        assertThat(pi).variables().doesNotContainKey("movedOn");

        complete(declare, vars("addressDeclaredOn", "2026-04-20", "addressDeclarationReceipt", "ANEF 2026-123"));
        assertThat(pi).hasPassed("addressDeclared").isWaitingAt("callReceipt", "callDecision");
    }

    @Test
    void aGrantAfterTheImplicitRefusalEndsTheAppealKeepsTheReceiptUntilTheCardAndOpensTheRenewalWindow() {
        ProcessInstance pi = implicitlyRefused();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "GRACIOUS"));
        assertThat(running("appeal-gracious")).isEqualTo(1);

        // what the backend sends: the grant, and the récépissé follow-up it interrupts with its last document
        String receipt = called("receipt").getId();
        correlate(
                "LaterDecisionNotified",
                vars(
                        "decisionOutcome",
                        "GRANTED",
                        "decisionNotifiedDate",
                        "2026-08-20",
                        "notificationMode",
                        "HAND",
                        "receiptFollowUpInterrupted",
                        true,
                        "receiptType",
                        "RECEPISSE",
                        "receiptNumber",
                        "6901234567",
                        "receiptValidUntil",
                        "2026-08-31"));
        assertThat(running("appeal-gracious")).isZero();
        // item 2: the récépissé stays followed until the card is collected (R431-12 CESEDA)
        assertThat(called("receipt").getId()).isNotEqualTo(receipt);
        assertThat(called("receipt")).isWaitingAt("renewalDue");
        assertThat(timer(called("receipt"), "renewalDue").getDuedate()).isEqualTo(startOf("2026-08-16"));
        Task collect = caseTask("collectCard");
        assertThat(collect).hasCandidateGroup("caseworker");
        complete(collect, vars("cardCollectedDate", "2026-09-10", "cardValidUntil", "2027-08-19"));
        assertThat(running("receipt")).as("the card is collected").isZero();

        // a title on the ANEF list: online from the 120th to the 60th day before the card ends (R431-5 CESEDA)
        fireTimer(pi, "renewalWindowOpens", startOf("2027-04-21"));
        assertThat(caseTask("applyForRenewal").getDueDate()).isEqualTo(endOf("2027-06-20"));
        // the window closes with no application: the coordinator is alerted, the application is still awaited
        fireTimer(pi, "renewalWindowClosing", startOf("2027-06-21"));
        Task late = caseTask("renewalLate");
        assertThat(late).hasCandidateGroup("coordinator");
        assertThat(late.getDueDate()).isEqualTo(endOf("2027-08-19"));
        complete(late, vars("renewalLateAction", "Rendez-vous demandé"));
        complete(caseTask("applyForRenewal"), vars("renewalFiledDate", "2027-06-25"));
        assertThat(pi).isEnded().hasPassed("laterDecisionNotified", "renewalLateHandled", "renewalApplied");
    }

    @Test
    void aGraciousAppealRejectedWithAnOqtfIsARejectionAndAnOqtfWithItsOwnDeadline() {
        ProcessInstance pi = fileOnline();
        refuse();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "GRACIOUS"));
        sendAdministrativeAppeal("GRACIOUS", "2026-05-10", "2026-05-12");

        // the backend delivers the answer to the appeal, and the OQTF to its own follow-up
        answerAdministrativeAppeal("GRACIOUS", "REJECTED_WITH_OQTF", "2026-06-10");
        oqtfNotified(
                "decisionOutcome",
                "OQTF",
                "decisionNotifiedDate",
                "2026-06-10",
                "oqtfKind",
                "RETENTION",
                "oqtfNotifiedAt",
                "2026-06-10T15:00");
        assertThat(running("appeal-gracious")).isZero();
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
                .containsEntry("contentiousAppealFrom", "2026-06-10");
        assertThat(caseTask("decideContentiousAppeal").getDueDate()).isEqualTo(endOf("2026-08-11"));
        assertThat(caseTask("oqtfRetention").getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 6, 12, 15, 0)));
    }

    @Test
    void theImplicitRefusalLeavesTheCommissionHearingRunningAndAPrintedDeadlineThatDiffersIsChecked() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars("decisionOutcome", "COMMISSION_REFERRAL", "decisionNotifiedDate", "2026-04-01"));
        complete(
                caseTask("recordConvocation"),
                vars("convocationReceivedDate", "2026-06-20", "meetingDate", "2026-07-20"));
        String hearing = called("commission-hearing").getId();

        // the 4 months are over before the hearing: the implicit refusal is born, the hearing goes on
        fireTimer(called("decision"), "implicitRefusal", startOf("2026-07-02"));
        complete(caseTask("requestReasons"), vars("reasonsRequestedDate", "2026-07-03"));
        assertThat(called("commission-hearing").getId()).isEqualTo(hearing);
        assertThat(running("receipt")).isEqualTo(1);
        assertThat(caseTask("chooseAppealStrategy")).isNotNull();
        complete(caseTask("prepareHearing"), vars("hearingAssistance", "LAWYER"));
        fireTimer(called("commission-hearing"), "meetingDay", startOf("2026-07-20"));
        complete(caseTask("attendHearing"), vars("hearingOutcome", "HELD"));
        complete(caseTask("recordOpinion"), vars("commissionOpinion", "UNFAVOURABLE"));
        assertThat(pi).hasPassed("commissionHeard");

        // the explicit refusal follows, by post; the deadline printed on it is not the computed one
        correlate(
                "LaterDecisionNotified",
                vars(
                        "decisionOutcome",
                        "REFUSED",
                        "decisionNotifiedDate",
                        "2026-07-27",
                        "notificationMode",
                        "POST",
                        "printedDeadline",
                        "2026-09-27"));
        assertThat(pi)
                .variables()
                .containsEntry("computedDeadline", "2026-09-28")
                .containsEntry("printedDeadlineDiffers", true)
                .containsEntry("contentiousAppealFrom", "2026-07-27");
        Task check = caseTask("checkPrintedDeadline");
        assertThat(check).hasCandidateGroup("coordinator");
        assertThat(check.getDueDate()).isEqualTo(endOf("2026-09-28"));
        complete(check, vars("printedDeadlineCheck", "Notification vérifiée"));
        assertThat(caseTask("chooseAppealStrategy").getDueDate()).isEqualTo(endOf("2026-09-28"));
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi).isEnded().hasPassed("printedDeadlineChecked", "refusalNotContested");
    }

    @Test
    void aRetentionWhileTheOqtfLawyerIsSoughtRedatesTheTaskAtOnceAndTheDeadlineAfterIt() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-05-04",
                "printedDeadline",
                "2026-06-05"));
        correlateAll(
                "LibertyRestricted", vars("restrictionKind", "RETENTION", "restrictionNotifiedAt", "2026-05-10T08:00"));
        assertThat(pi).hasPassed("libertyRestrictedRecorded");
        assertThat(caseTask("followRetentionChallenge")).isNotNull();
        assertThat(openTasks("oqtfOrdinary")).isZero();
        assertThat(caseTask("oqtfRetention").getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 5, 12, 8, 0)));
        complete(caseTask("oqtfRetention"), vars("lawyerContactedAt", "2026-05-10T09:00"));

        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("contentiousAppealFrom", "2026-05-10T08:00")
                .containsEntry("printedDeadlineDiffers", true);
        assertThat(caseTask("decideContentiousAppeal").getDueDate())
                .isEqualTo(paris(LocalDateTime.of(2026, 5, 12, 8, 0)));
    }

    @Test
    void aPriorOqtfKnownAtTriageIsFlaggedAndTheCoordinatorDecidesBeforeAnyAppointment() {
        ProcessInstance pi = startCase(false);
        complete(task(pi), vars("ground", "L423-23", "priorOqtf", true, "proceedWithApplication", true));

        Task risk = task(pi);
        assertThat(risk).hasDefinitionKey("assessArrestRisk").hasCandidateGroup("coordinator");
        assertThat(risk.getPriority()).isEqualTo(90);
        assertThat(pi).variables().containsEntry("arrestRisk", true);
        assertThat(running("appointment")).isZero();
        complete(
                risk,
                vars(
                        "arrestRiskAssessment",
                        "OQTF de 2019 exécutoire : abrogation à demander d'abord",
                        "proceedWithApplication",
                        false));
        assertThat(pi).isEnded().hasPassed("caseClosedWithoutFiling").hasNotPassed("callAppointment");
    }

    /** Item 8: pieces asked during the examination, also after the implicit refusal, due by the prefecture's date. */
    @Test
    void documentsRequestedAfterTheImplicitRefusalAreDueByThePrefecturesDateAndEscalatedOnTheLastDay() {
        ProcessInstance pi = implicitlyRefused();
        correlate(
                "DocumentsRequested",
                vars(
                        "documentsRequestedDate",
                        "2026-07-10",
                        "documentsDueDate",
                        "2026-07-25",
                        "requestedDocuments",
                        "Bulletins de salaire 2025"));

        Task send = caseTask("sendRequestedDocuments");
        assertThat(send).hasCandidateGroup("caseworker");
        assertThat(send.getDueDate()).isEqualTo(endOf("2026-07-25"));

        // the last day starts with the pieces not sent: the coordinator steps in, the task stays open
        fireTimer(pi, "documentsDueSoon", startOf("2026-07-25"));
        Task overdue = caseTask("requestedDocumentsOverdue");
        assertThat(overdue).hasCandidateGroup("coordinator");
        assertThat(overdue.getDueDate()).isEqualTo(endOf("2026-07-25"));
        complete(
                overdue,
                vars("documentsExtensionRequested", true, "documentsOverdueAction", "Délai demandé par courriel"));
        complete(
                caseTask("sendRequestedDocuments"),
                vars("documentsSentDate", "2026-07-27", "documentsSentChannel", "EMAIL"));
        assertThat(pi).hasPassed("documentsSent", "documentsOverdueHandled");

        // a second request; no appeal for now against the implicit refusal: the examination, and the request, go on
        correlate("DocumentsRequested", vars("documentsRequestedDate", "2026-08-02", "documentsDueDate", "2026-08-18"));
        assertThat(openTasks("sendRequestedDocuments")).isEqualTo(1);
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi).isNotEnded();
        assertThat(openTasks("sendRequestedDocuments")).isEqualTo(1);

        // the explicit refusal, not contested: the end closes the request still open
        notifyDecision(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-09-01"));
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi).isEnded();
        assertThat(openTasks("sendRequestedDocuments")).isZero();
    }

    /**
     * Item 15: pieces asked during the examination; the 4 months of silence run again from the day the last
     * requested pieces were received (L114-5 CRPA), or sent when their receipt is not known (the earlier
     * reading), and the appeal's dates follow the implicit refusal so dated.
     */
    @Test
    void piecesAskedDuringTheExaminationRestartTheFourMonthsFromTheirReceipt() {
        ProcessInstance pi = fileOnline();
        assertThat(timer(called("decision"), "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-07-02"));

        // two requests: the silence stops at the first
        correlate("DocumentsRequested", vars("documentsRequestedDate", "2026-04-01", "documentsDueDate", "2026-04-16"));
        assertThat(called("decision")).isWaitingAt("awaitDocuments");
        assertThat(hasTimer(called("decision"), "implicitRefusal")).isFalse();
        correlate("DocumentsRequested", vars("documentsRequestedDate", "2026-04-03", "documentsDueDate", "2026-04-18"));
        assertThat(openTasks("sendRequestedDocuments")).isEqualTo(2);

        // the first pieces sent: the other request still waits, nothing runs yet
        var sends = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey("sendRequestedDocuments")
                .list();
        complete(sends.get(0), vars("documentsSentDate", "2026-04-10", "documentsSentChannel", "EMAIL"));
        assertThat(hasTimer(called("decision"), "implicitRefusal")).isFalse();
        assertThat(pi).variables().containsEntry("completeFileDate", "2026-04-10");

        // the last pieces sent on 15 April, received on 17 April: 4 months from the receipt
        complete(
                sends.get(1),
                vars(
                        "documentsSentDate",
                        "2026-04-15",
                        "documentsReceivedDate",
                        "2026-04-17",
                        "documentsSentChannel",
                        "REGISTERED_LETTER"));
        fireTimer(called("decision"), "implicitRefusal", startOf("2026-08-17"));
        assertThat(pi).variables().containsEntry("decisionNotifiedDate", "2026-08-17");
        assertThat(caseTask("chooseAppealStrategy").getDueDate()).isEqualTo(endOf("2026-10-18"));
        assertThat(caseTask("requestReasons").getDueDate()).isEqualTo(endOf("2026-10-18"));
    }

    /** Pieces sent with no receipt known: from the sending (the earlier date); a commission's new wait keeps it. */
    @Test
    void piecesWithNoReceiptKnownCountFromTheirSendingAlsoAfterAReferral() {
        ProcessInstance pi = fileOnline();
        correlate("DocumentsRequested", vars("documentsRequestedDate", "2026-04-01", "documentsDueDate", "2026-04-16"));
        complete(
                caseTask("sendRequestedDocuments"),
                vars("documentsSentDate", "2026-04-14", "documentsSentChannel", "ANEF"));
        assertThat(timer(called("decision"), "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-08-14"));

        notifyDecision(vars("decisionOutcome", "COMMISSION_REFERRAL", "decisionNotifiedDate", "2026-05-04"));
        assertThat(timer(called("decision"), "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-08-14"));
        assertThat(pi).isNotEnded();
    }

    // ---------------------------------------------------------------- issue 18: OQTFs and restrictions

    /** What the backend does for an OQTF no decision instance waits for: the OQTF's own follow-up. */
    private void oqtfNotified(Object... keyValues) {
        engine.getRuntimeService()
                .createMessageCorrelation("OqtfNotified")
                .processInstanceBusinessKey(caseId)
                .processInstanceId(mainInstance().getId())
                .setVariablesToTriggeredScope(vars(keyValues))
                .correlate();
    }

    private ProcessInstance mainInstance() {
        return called("regularisation");
    }

    private long runningDecisions() {
        return running("decision");
    }

    /** Item 2: an OQTF after a police check, before anything is filed, runs beside the preparation. */
    @Test
    void anOqtfDuringThePreparationRunsBesideItAndAHouseArrestRedatesItsTask() {
        ProcessInstance pi = startCase(false);
        oqtfNotified(
                "decisionOutcome",
                "OQTF",
                "decisionNotifiedDate",
                "2026-03-02",
                "notificationMode",
                "HAND",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-03-02T10:00");
        assertThat(caseTask("prepareCase")).as("the preparation goes on").isNotNull();
        Task month = caseTask("oqtfOrdinary");
        assertThat(month.getDueDate()).isEqualTo(endOf("2026-04-03"));
        assertThat(month.getPriority()).isEqualTo(80);

        // house arrest eight days later: the task is re-dated at once, 7 days from it
        correlateAll(
                "LibertyRestricted",
                vars("restrictionKind", "HOUSE_ARREST", "restrictionNotifiedAt", "2026-03-10T10:00"));
        assertThat(openTasks("oqtfOrdinary")).isZero();
        assertThat(caseTask("oqtfHouseArrest").getDueDate()).isEqualTo(endOf("2026-03-17"));
        assertThat(openTasks("findRemovalMeasure")).isZero();
        assertThat(openTasks("followRetentionChallenge")).isZero();
        complete(caseTask("oqtfHouseArrest"), vars("lawyerContactedAt", "2026-03-10T12:00", "lawyerName", "Me Martin"));

        Task decide = caseTask("decideOqtfAppeal");
        assertThat(decide.getDueDate()).isEqualTo(endOf("2026-03-17"));
        assertThat(pi).variables().doesNotContainKey("contentiousAppealRule");
        complete(decide, vars("oqtfAppealDecision", "NONE"));
        assertThat(pi).hasPassed("oqtfNotContested").isNotEnded();

        // the case goes on to its application
        complete(caseTask("prepareCase"), vars("ground", "L423-23", "proceedWithApplication", false));
        assertThat(pi).isEnded();
    }

    /**
     * The decision on the appeal against an OQTF has its own alerts, at half-time and on the last day, re-dated
     * when a restriction of liberty shortens the deadline (L921-1 CESEDA).
     */
    @Test
    void theOqtfAppealNotDecidedIsAlertedAtHalfTimeAndOnTheLastDayRedatedByAHouseArrest() {
        startCase(false);
        oqtfNotified(
                "decisionOutcome", "OQTF",
                "decisionNotifiedDate", "2026-03-02",
                "notificationMode", "HAND",
                "oqtfKind", "ORDINARY",
                "oqtfNotifiedAt", "2026-03-02T10:00");
        complete(caseTask("oqtfOrdinary"), vars("lawyerContactedAt", "2026-03-02T12:00", "lawyerName", "Me Martin"));
        ProcessInstance main = mainInstance();
        assertThat(caseTask("decideOqtfAppeal").getDueDate()).isEqualTo(endOf("2026-04-03"));
        assertThat(timer(main, "oqtfAppealLastDay").getDuedate()).isEqualTo(startOf("2026-04-03"));
        assertThat(timer(main, "oqtfAppealHalfTime").getDuedate()).isBefore(startOf("2026-03-19"));

        // house arrest on 10 March: 7 days from it, the alerts follow
        correlateAll(
                "LibertyRestricted",
                vars("restrictionKind", "HOUSE_ARREST", "restrictionNotifiedAt", "2026-03-10T10:00"));
        assertThat(caseTask("decideOqtfAppeal").getDueDate()).isEqualTo(endOf("2026-03-17"));
        assertThat(timer(main, "oqtfAppealLastDay").getDuedate()).isEqualTo(startOf("2026-03-17"));
        fireTimer(main, "oqtfAppealHalfTime", paris(LocalDateTime.of(2026, 3, 14, 4, 59, 59, 999_000_000)));
        Task half = caseTask("remindOqtfAppealAtHalfTime");
        assertThat(half).hasCandidateGroup("coordinator");
        assertThat(half.getDueDate()).isEqualTo(endOf("2026-03-17"));
        fireTimer(main, "oqtfAppealLastDay", startOf("2026-03-17"));
        assertThat(caseTask("remindOqtfAppealOnLastDay").getPriority()).isEqualTo(100);
        complete(caseTask("remindOqtfAppealOnLastDay"), vars("oqtfAppealAlertNotes", "Requête sommaire déposée"));
        complete(half, vars("oqtfAppealAlertNotes", "Avocat joint"));
        complete(caseTask("decideOqtfAppeal"), vars("oqtfAppealDecision", "CONTENTIOUS"));
        assertThat(running("appeal-contentious")).isOne();
    }

    /** Item 2: an OQTF during the strategy choice after a refusal: its own deadline, the choice kept. */
    @Test
    void anOqtfDuringTheStrategyChoiceRunsBesideItWithItsOwnDeadline() {
        ProcessInstance pi = fileOnline();
        refuse();
        oqtfNotified(
                "decisionOutcome",
                "OQTF",
                "decisionNotifiedDate",
                "2026-05-20",
                "notificationMode",
                "POST",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-05-20",
                "printedDeadline",
                "2026-06-20");
        assertThat(caseTask("oqtfOrdinary").getDueDate()).isEqualTo(endOf("2026-06-21"));
        // the deadline printed on the OQTF is not the computed one: checked, by the earlier date
        Task check = caseTask("checkOqtfPrintedDeadline");
        assertThat(check.getDueDate()).isEqualTo(endOf("2026-06-21"));
        complete(check, vars("printedDeadlineCheck", "Notification vérifiée : agir avant le 20 juin"));
        assertThat(pi)
                .hasPassed("oqtfPrintedDeadlineChecked")
                .variables()
                .containsEntry("printedDeadlineDiffers", false);
        assertThat(caseTask("chooseAppealStrategy").getDueDate()).isEqualTo(endOf("2026-07-05"));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
                .containsEntry("decisionOutcome", "REFUSED");
        complete(caseTask("oqtfOrdinary"), vars("lawyerContactedAt", "2026-05-20T11:00", "lawyerName", "Me Martin"));
        complete(caseTask("decideOqtfAppeal"), vars("oqtfAppealDecision", "CONTENTIOUS"));
        assertThat(variable(called("appeal-contentious"), "contentiousAppealRule"))
                .isEqualTo("OQTF_ORDINARY");
        complete(caseTask("offerAppealToLawyer"), vars("offeredLawyerId", "lawyer-martin"));
        complete(caseTask("acceptAppeal"), vars("appealAccepted", true));
        complete(caseTask("chooseContentiousStrategy"), vars("legalAidRequested", false, "urgentProcedure", "NONE"));
        complete(caseTask("fileRequest"), vars("requestFiledDate", "2026-06-01", "court", "LYON"));
        correlate("JudgmentNotified", vars("judgmentOutcome", "REJECTED", "judgmentDate", "2026-09-01"));
        complete(caseTask("closeRejectedAppeal"), vars("courtOfAppealConsidered", false));
        assertThat(pi).hasPassed("oqtfAppealEnded").variables().containsEntry("oqtfJudgmentOutcome", "REJECTED");

        // the refusal's own choice is still to make
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi).isEnded().hasPassed("refusalNotContested");
    }

    /**
     * Item 7: after an implicit refusal, "no appeal for now" waits for the explicit decision: the récépissé
     * and the commission hearing go on, and a later refusal opens the choice again.
     */
    @Test
    void afterAnImplicitRefusalNoAppealForNowWaitsForTheExplicitDecision() {
        ProcessInstance pi = fileOnline();
        notifyDecision(vars("decisionOutcome", "COMMISSION_REFERRAL", "decisionNotifiedDate", "2026-04-01"));
        complete(
                caseTask("recordConvocation"),
                vars("convocationReceivedDate", "2026-06-20", "meetingDate", "2026-07-20"));
        complete(caseTask("recordReceipt"), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-08-31"));
        fireTimer(called("decision"), "implicitRefusal", startOf("2026-07-02"));
        complete(caseTask("requestReasons"), vars("reasonsRequestedDate", "2026-07-03"));
        String receipt = called("receipt").getId();
        String hearing = called("commission-hearing").getId();

        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi).isNotEnded().hasPassed("explicitDecisionAwaited").hasNotPassed("refusalNotContested");
        assertThat(called("receipt").getId()).isEqualTo(receipt);
        assertThat(called("commission-hearing").getId()).isEqualTo(hearing);
        assertThat(called("decision")).isWaitingAt("decisionNotifiedIncomplete");
        assertThat(hasTimer(called("decision"), "implicitRefusal")).isFalse();

        // the récépissé is renewed while the explicit decision is awaited
        fireTimer(called("receipt"), "renewalDue", startOf("2026-08-16"));
        complete(caseTask("renewReceipt"), vars("renewalRequestedDate", "2026-08-16"));
        complete(caseTask("recordRenewedReceipt"), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-11-30"));

        // the explicit refusal, after the implicit refusal's own delay (3 September): it may be only
        // confirmative (R421-2 CJA); both dates are kept and the choice is due by the earlier
        notifyDecision(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-09-15"));
        assertThat(running("receipt")).isZero();
        assertThat(running("commission-hearing")).isZero();
        assertThat(pi)
                .variables()
                .containsEntry("implicitRefusalDeadline", "2026-09-03")
                .containsEntry("explicitRefusalDeadline", "2026-11-16")
                .containsEntry("explicitRefusalConfirmative", true)
                .containsEntry("contentiousAppealFrom", "2026-07-02");
        assertThat(caseTask("chooseAppealStrategy").getDueDate()).isEqualTo(endOf("2026-09-03"));
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        assertThat(pi).isEnded().hasPassed("refusalNotContested");
    }

    /**
     * The sequence of issue 18: implicit refusal, no appeal for now, récépissé renewed, OQTF first presented by
     * post and collected two weeks later, placement in retention five days after: the OQTF task is due 48 hours
     * after the retention's notification, and nothing of the earlier follow-up is lost.
     */
    @Test
    void anOqtfByPostAfterNoAppealForNowThenARetentionGivesFortyEightHoursFromTheRetention() {
        ProcessInstance pi = implicitlyRefused();
        String receipt = called("receipt").getId();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "NONE"));
        fireTimer(called("receipt"), "renewalDue", startOf("2026-08-16"));
        complete(caseTask("renewReceipt"), vars("renewalRequestedDate", "2026-08-16"));
        complete(caseTask("recordRenewedReceipt"), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-11-30"));

        // first presented on 1 September, collected on 15 September: the first presentation counts
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "notificationMode",
                "POST",
                "decisionNotifiedDate",
                "2026-09-01",
                "letterCollectedDate",
                "2026-09-15",
                "oqtfKind",
                "ORDINARY"));
        assertThat(caseTask("oqtfOrdinary").getDueDate()).isEqualTo(endOf("2026-10-02"));

        // placed in retention five days after the collection
        correlateAll(
                "LibertyRestricted", vars("restrictionKind", "RETENTION", "restrictionNotifiedAt", "2026-09-20T07:30"));
        Task retention = caseTask("oqtfRetention");
        assertThat(retention.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 9, 22, 7, 30)));
        assertThat(retention.getPriority()).isEqualTo(100);
        assertThat(openTasks("oqtfOrdinary")).isZero();
        assertThat(caseTask("followRetentionChallenge").getDueDate())
                .isEqualTo(paris(LocalDateTime.of(2026, 9, 22, 7, 30)));
        assertThat(openTasks("findRemovalMeasure")).isZero();

        // nothing of the earlier follow-up is lost
        assertThat(pi).isNotEnded();
        assertThat(called("receipt").getId()).isEqualTo(receipt);
        assertThat(pi)
                .variables()
                .containsEntry("decisionNotifiedDate", "2026-07-02")
                .containsEntry("appealStrategy", "NONE");

        complete(retention, vars("lawyerContactedAt", "2026-09-20T08:00", "lawyerName", "Me Martin"));
        assertThat(caseTask("decideContentiousAppeal").getDueDate())
                .isEqualTo(paris(LocalDateTime.of(2026, 9, 22, 7, 30)));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("contentiousAppealFrom", "2026-09-20T07:30")
                .containsEntry("oqtfNotifiedAt", "2026-09-01");
    }

    /** Item 3: a house arrest recorded months before an OQTF is not the OQTF's: one month, and it is cleared. */
    @Test
    void anOldHouseArrestDoesNotShortenANewOqtf() {
        ProcessInstance pi = fileOnline();
        correlateAll(
                "LibertyRestricted",
                vars("restrictionKind", "HOUSE_ARREST", "restrictionNotifiedAt", "2026-03-10T10:00"));
        complete(caseTask("findRemovalMeasure"), vars("removalMeasureFindings", "Assignation sur une OQTF de 2023"));
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "notificationMode",
                "HAND",
                "decisionNotifiedDate",
                "2026-06-01",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-06-01T10:00"));
        assertThat(caseTask("oqtfOrdinary").getDueDate()).isEqualTo(endOf("2026-07-02"));
        complete(caseTask("oqtfOrdinary"), vars("lawyerContactedAt", "2026-06-01T11:00"));
        assertThat(caseTask("decideContentiousAppeal").getDueDate()).isEqualTo(endOf("2026-07-02"));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_ORDINARY")
                .containsEntry("restrictionKind", null)
                .containsEntry("restrictionNotifiedAt", null);
    }

    /**
     * Items 4 and 5: a restriction with no OQTF known gives an urgent task (48 hours); a retention starts the
     * follow-up of its challenge before the judge (L741-10 CESEDA, 48 hours: the safe reading); prison is 7 days.
     */
    @Test
    void aRestrictionWithNoKnownOqtfGivesAnUrgentTaskAndARetentionItsChallengeBeforeTheJudge() {
        ProcessInstance pi = fileOnline();
        correlateAll(
                "LibertyRestricted", vars("restrictionKind", "RETENTION", "restrictionNotifiedAt", "2026-04-01T08:00"));
        Task find = caseTask("findRemovalMeasure");
        assertThat(find).hasCandidateGroup("coordinator");
        assertThat(find.getPriority()).isEqualTo(100);
        assertThat(find.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 4, 3, 8, 0)));
        Task judge = caseTask("followRetentionChallenge");
        assertThat(judge).hasCandidateGroup("coordinator");
        assertThat(judge.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 4, 3, 8, 0)));
        complete(find, vars("removalMeasureFindings", "OQTF notifiée au centre de rétention"));
        complete(judge, vars("retentionChallengeFiled", true, "retentionChallengeFiledAt", "2026-04-02T10:00"));
        assertThat(pi).hasPassed("removalMeasureFound", "retentionChallengeFollowed");

        // prison: no challenge before the judge of retention
        correlateAll(
                "LibertyRestricted",
                vars("restrictionKind", "IMPRISONMENT", "restrictionNotifiedAt", "2026-04-10T08:00"));
        assertThat(openTasks("followRetentionChallenge")).isZero();
        assertThat(caseTask("findRemovalMeasure")).isNotNull();
        assertThat(pi).hasPassed("noRetention");
    }

    /**
     * Item 8: a decision notified while the court holds the appeal (here after the hearing) is added to it:
     * a task to produce it, and an OQTF's own follow-up; the hearing, the lawyer and the judgment stay.
     */
    @Test
    void aDecisionDuringTheCourtAppealIsAddedToItAndItsOqtfRunsBeside() {
        ProcessInstance pi = implicitlyRefused();
        complete(caseTask("chooseAppealStrategy"), vars("appealStrategy", "CONTENTIOUS"));
        ProcessInstance appeal = called("appeal-contentious");
        contentiousAppealFiled("lawyer-martin", "2026-08-20");
        complete(caseTask("recordHearingDate"), vars("hearingDate", "2026-11-10"));
        fireTimer(appeal, "hearingDay", startOf("2026-11-10"));
        complete(caseTask("reportHearing"), vars("hearingPostponed", false, "judgmentExpectedDate", "2026-12-01"));

        correlate(
                "DecisionDuringAppeal",
                vars("laterDecisionOutcome", "REFUSED_WITH_OQTF", "laterDecisionNotifiedDate", "2026-11-20"));
        oqtfNotified(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-11-20",
                "notificationMode",
                "HAND",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-11-20T09:00");
        Task produce = caseTask("produceDecisionInAppeal");
        assertThat(produce).hasCandidateGroup("coordinator");
        assertThat(produce.getDueDate()).isEqualTo(endOf("2027-01-21"));
        assertThat(caseTask("oqtfOrdinary").getDueDate()).isEqualTo(endOf("2026-12-21"));
        assertThat(called("appeal-contentious").getId())
                .as("the appeal goes on")
                .isEqualTo(appeal.getId());
        complete(produce, vars("laterDecisionProducedDate", "2026-11-21"));

        correlate("JudgmentNotified", vars("judgmentOutcome", "REJECTED", "judgmentDate", "2026-12-01"));
        complete(caseTask("closeRejectedAppeal"), vars("courtOfAppealConsidered", false));
        assertThat(pi).hasPassed("decisionDuringAppealProduced", "remediesExhausted");

        // the OQTF's own follow-up outlives the appeal against the refusal
        assertThat(pi).isNotEnded();
        complete(caseTask("oqtfOrdinary"), vars("lawyerContactedAt", "2026-11-20T10:00"));
        complete(caseTask("decideOqtfAppeal"), vars("oqtfAppealDecision", "NONE"));
        assertThat(pi).isEnded();
    }
}
