package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code appeal-contentious}: the appeal offered to a lawyer who accepts or declines; the deadline by
 * the rule that applies (CONTENTIOUS_APPEAL, or the OQTF regimes) and from the right date; legal aid
 * that restarts it when requested in time; the escalation when the request is not filed by the
 * deadline; référés, the hearing (postponed or not) and the judgment, during the proceedings or after.
 * A restriction of liberty that shortens the deadline (loi n° 2024-42; L921-1, L921-2 CESEDA), the
 * reminder at half time, an offer that expires, and the request filed by the association.
 */
@Deployment(resources = "bpmn/appeal-contentious.bpmn")
class AppealContentiousProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    private Task openTask(ProcessInstance pi, String key) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(key)
                .singleResult();
    }

    /** The coordinator offers the appeal to {@code lawyer}, who accepts; asserts the deadline on both tasks. */
    private void offerAndAccept(ProcessInstance pi, String lawyer, Date due) {
        Task offer = task(pi, "offerAppealToLawyer");
        assertThat(offer).hasCandidateGroup("coordinator");
        assertThat(offer.getDueDate()).isEqualTo(due);
        complete(offer, vars("offeredLawyerId", lawyer));

        Task accept = task(pi, "acceptAppeal");
        assertThat(accept).hasCandidateUser(lawyer);
        assertThat(accept.getAssignee()).isNull();
        assertThat(accept.getDueDate()).isEqualTo(due);
        complete(accept, vars("appealAccepted", true));
        assertThat(pi).variables().containsEntry("lawyerId", lawyer);
    }

    private void chooseStrategy(ProcessInstance pi, String lawyer, Date due, boolean legalAid, String urgent) {
        Task strategy = task(pi, "chooseContentiousStrategy");
        assertThat(strategy).isAssignedTo(lawyer);
        assertThat(strategy.getDueDate()).isEqualTo(due);
        complete(strategy, vars("legalAidRequested", legalAid, "urgentProcedure", urgent));
    }

    private void fileRequest(ProcessInstance pi, String lawyer, Date due, String filedDate) {
        Task file = task(pi, "fileRequest");
        assertThat(file).isAssignedTo(lawyer);
        assertThat(file.getDueDate()).isEqualTo(due);
        complete(
                file,
                vars(
                        "requestFiledDate",
                        filedDate,
                        "courtName",
                        "Tribunal administratif de Lyon",
                        "courtCaseNumber",
                        "2601234"));
    }

    private void notifyJudgment(String outcome, String date) {
        correlate("JudgmentNotified", vars("judgmentOutcome", outcome, "judgmentDate", date));
    }

    @Test
    void aDeclinedOfferLegalAidInTimeSuspensionAPostponedHearingThenAnAnnulmentWithReexamination() {
        // refused on 20 February: 2 months (stand-in: + 1 day) from the notification, to 21 April
        ProcessInstance pi = start(
                "appeal-contentious",
                vars("department", "69", "decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-02-20"));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
                .containsEntry("contentiousAppealFrom", "2026-02-20");

        Task offer = task(pi);
        assertThat(offer).hasDefinitionKey("offerAppealToLawyer").hasCandidateGroup("coordinator");
        assertThat(offer.getName()).isEqualTo("Proposer le recours à un avocat");
        complete(offer, vars("offeredLawyerId", "lawyer-durand"));
        Task accept = task(pi);
        assertThat(accept).hasDefinitionKey("acceptAppeal").hasCandidateUser("lawyer-durand");
        complete(accept, vars("appealAccepted", false, "declineReason", "Pas disponible avant mai"));

        // back to the coordinator, who offers it to another lawyer
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-21"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-21"), true, "SUSPENSION");

        Task legalAid = task(pi);
        assertThat(legalAid).hasDefinitionKey("requestLegalAid").hasCandidateGroup("caseworker");
        assertThat(legalAid.getDueDate()).isEqualTo(endOf("2026-04-21"));
        complete(legalAid, vars("legalAidRequestedDate", "2026-03-10", "legalAidOffice", "BAJ Lyon"));
        Task legalAidDecision = task(pi);
        assertThat(legalAidDecision).hasDefinitionKey("recordLegalAidDecision").hasCandidateGroup("caseworker");
        complete(legalAidDecision, vars("legalAidDecisionDate", "2026-04-15", "legalAidGranted", true));

        // requested in time: the deadline restarts in full from the legal-aid decision (décret 2020-1717 art. 43)
        assertThat(pi).variables().containsEntry("contentiousAppealFrom", "2026-04-15");
        assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(startOf("2026-06-17"));
        fileRequest(pi, "lawyer-martin", endOf("2026-06-16"), "2026-05-20");
        assertThat(hasTimer(pi, "filingDeadlineReached")).isFalse();

        // the référé-suspension and the hearing run side by side
        assertThat(pi).isActive();
        Task suspension = task(pi, "fileSuspensionRequest");
        assertThat(suspension).isAssignedTo("lawyer-martin");
        assertThat(openTask(pi, "recordHearingDate")).isNotNull();
        complete(suspension, vars("urgentRequestFiledDate", "2026-05-20", "urgentCaseNumber", "2601235"));
        Task order = task(pi, "recordUrgentOrder");
        assertThat(order).isAssignedTo("lawyer-martin");
        complete(order, vars("urgentOrderDate", "2026-06-02", "urgentOrderOutcome", "GRANTED"));

        Task hearingDate = task(pi);
        assertThat(hearingDate).hasDefinitionKey("recordHearingDate").isAssignedTo("lawyer-martin");
        complete(hearingDate, vars("hearingDate", "2026-09-15"));
        fireTimer(pi, "hearingDay", startOf("2026-09-15"));
        Task report = task(pi);
        assertThat(report).hasDefinitionKey("reportHearing").isAssignedTo("lawyer-martin");
        complete(report, vars("hearingPostponed", true, "hearingDate", "2026-10-06"));
        fireTimer(pi, "hearingDay", startOf("2026-10-06"));
        complete(task(pi, "reportHearing"), vars("hearingPostponed", false, "judgmentExpectedDate", "2026-10-20"));

        assertThat(pi).isWaitingAt("judgmentNotified");
        notifyJudgment("ANNULMENT_REEXAMINE", "2026-10-20");
        Task execution = task(pi);
        assertThat(execution).hasDefinitionKey("requestJudgmentExecution").isAssignedTo("lawyer-martin");
        complete(execution, vars("executionRequestedDate", "2026-10-21", "injunctionDeadline", "2026-12-20"));

        assertThat(pi)
                .isEnded()
                .hasPassed("urgentProcedureDone", "hearingHeld", "annulmentObtained")
                .hasNotPassed("judgmentNotifiedDuringProceedings", "handleMissedFilingDeadline");
        assertThat(pi)
                .variables()
                .containsEntry("judgmentOutcome", "ANNULMENT_REEXAMINE")
                .containsEntry("judgmentDate", "2026-10-20")
                .containsEntry("lawyerId", "lawyer-martin")
                .containsEntry("requestFiledDate", "2026-05-20");
    }

    @Test
    void anOqtfInRetentionCountsFortyEightHoursToTheMinuteAndAJudgmentEndsTheProceedings() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED_WITH_OQTF",
                        "decisionNotifiedDate",
                        "2026-03-02",
                        "oqtfKind",
                        "RETENTION",
                        "oqtfNotifiedAt",
                        "2026-03-02T08:30"));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("contentiousAppealFrom", "2026-03-02T08:30");
        Date due = paris(LocalDateTime.of(2026, 3, 4, 8, 30));

        offerAndAccept(pi, "lawyer-martin", due);
        // legal aid does not interrupt a 48-hour deadline: straight to the request
        chooseStrategy(pi, "lawyer-martin", due, true, "LIBERTE");
        assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(due);
        fileRequest(pi, "lawyer-martin", due, "2026-03-03");

        complete(task(pi, "fileLibertyRequest"), vars("urgentRequestFiledDate", "2026-03-03"));
        assertThat(openTask(pi, "recordUrgentOrder")).isNotNull();
        assertThat(openTask(pi, "recordHearingDate")).isNotNull();

        // the judgment comes before the order and the hearing are recorded: the proceedings close
        notifyJudgment("REJECTED", "2026-03-06");
        Task close = task(pi);
        assertThat(close).hasDefinitionKey("closeRejectedAppeal").hasCandidateGroup("coordinator");
        complete(close, vars("courtOfAppealConsidered", true));

        assertThat(pi)
                .isEnded()
                .hasPassed("judgmentNotifiedDuringProceedings", "appealRejected")
                .hasNotPassed("requestLegalAid", "hearingDay", "requestJudgmentExecution");
        assertThat(pi).variables().containsEntry("judgmentOutcome", "REJECTED");
    }

    @Test
    void anExplicitRefusalDuringTheProceedingsAgainstAnImplicitOneLeavesThemRunningAndTheLawyerProducesIt() {
        // the implicit refusal of 5 January is before the court when the prefecture writes its refusal
        ProcessInstance pi = start(
                "appeal-contentious",
                vars("decisionOutcome", "IMPLICIT_REFUSAL", "decisionNotifiedDate", "2026-01-05"));
        offerAndAccept(pi, "lawyer-martin", endOf("2026-03-06"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-03-06"), false, "NONE");
        fileRequest(pi, "lawyer-martin", endOf("2026-03-06"), "2026-02-20");

        engine.getRuntimeService()
                .createMessageCorrelation("RefusalNotifiedDuringProceedings")
                .processInstanceBusinessKey(caseId)
                .setVariable("laterRefusalNotifiedDate", "2026-04-01")
                .correlate();
        Task produce = task(pi, "produceLaterRefusal");
        assertThat(produce).isAssignedTo("lawyer-martin");
        // a new decision is challenged within its own 2 months (stand-in: + 2 months + 1 day)
        assertThat(produce.getDueDate()).isEqualTo(endOf("2026-06-02"));
        assertThat(openTask(pi, "recordHearingDate"))
                .as("the proceedings go on")
                .isNotNull();
        complete(produce, vars("laterRefusalProducedDate", "2026-04-03", "supplementaryBriefFiled", true));

        notifyJudgment("REJECTED", "2026-06-15");
        complete(task(pi, "closeRejectedAppeal"));
        assertThat(pi).isEnded().hasPassed("refusalDuringProceedings", "laterRefusalProduced", "appealRejected");
    }

    @Test
    void legalAidRequestedTooLateRestartsNothingAndTheCoordinatorAbandonsTheAppeal() {
        // refused on 5 January: the deadline ends on 6 March
        ProcessInstance pi = start(
                "appeal-contentious",
                vars("decisionOutcome", "IMPLICIT_REFUSAL", "decisionNotifiedDate", "2026-01-05"));
        offerAndAccept(pi, "lawyer-martin", endOf("2026-03-06"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-03-06"), true, "NONE");

        setClock(LocalDateTime.of(2026, 3, 10, 10, 0));
        complete(task(pi, "requestLegalAid"), vars("legalAidRequestedDate", "2026-03-10"));

        // too late: nothing is interrupted, no legal-aid decision is waited for
        assertThat(openTask(pi, "recordLegalAidDecision")).isNull();
        assertThat(pi).variables().containsEntry("contentiousAppealFrom", "2026-01-05");
        assertThat(task(pi, "fileRequest").getDueDate()).isEqualTo(endOf("2026-03-06"));
        fireTimer(pi, "filingDeadlineReached", startOf("2026-03-07"));

        // escalation: the coordinator decides, the lawyer's task stays open meanwhile
        Task alert = task(pi, "handleMissedFilingDeadline");
        assertThat(alert).hasCandidateGroup("coordinator");
        assertThat(openTask(pi, "fileRequest")).isNotNull();
        complete(alert, vars("abandonAppeal", true, "missedDeadlineNotes", "Aide demandée hors délai"));

        assertThat(pi)
                .isEnded()
                .hasPassed("legalAidInTimeGateway", "contentiousAppealAbandoned")
                .hasNotPassed("courtProceedings");
        assertThat(pi).variables().doesNotContainKey("judgmentOutcome");
    }

    @Test
    void aSevenDayOqtfEscalatesAtTheDeadlineThenTheRequestIsFiledAndTheCardOrdered() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED_WITH_OQTF",
                        "decisionNotifiedDate",
                        "2026-03-02",
                        "oqtfKind",
                        "HOUSE_ARREST",
                        "oqtfNotifiedAt",
                        "2026-03-02"));
        assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST");
        offerAndAccept(pi, "lawyer-martin", endOf("2026-03-09"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-03-09"), true, "NONE");
        assertThat(openTask(pi, "requestLegalAid")).isNull();

        fireTimer(pi, "filingDeadlineReached", startOf("2026-03-10"));
        // filed on the last day, recorded late: the alert is closed and the appeal goes on
        complete(
                task(pi, "handleMissedFilingDeadline"),
                vars("abandonAppeal", false, "missedDeadlineNotes", "Déposée le 9 mars, saisie oubliée"));
        fileRequest(pi, "lawyer-martin", endOf("2026-03-09"), "2026-03-09");

        assertThat(openTask(pi, "fileSuspensionRequest")).isNull();
        complete(task(pi, "recordHearingDate"), vars("hearingDate", "2026-03-20"));
        fireTimer(pi, "hearingDay", startOf("2026-03-20"));
        complete(task(pi, "reportHearing"), vars("hearingPostponed", false));
        notifyJudgment("ANNULMENT_ISSUE", "2026-03-27");
        complete(task(pi, "requestJudgmentExecution"), vars("executionRequestedDate", "2026-03-27"));

        assertThat(pi).isEnded().hasPassed("filingStillExpected", "noUrgentProcedure", "annulmentObtained");
        assertThat(pi).variables().containsEntry("judgmentOutcome", "ANNULMENT_ISSUE");
    }

    @Test
    void anOrdinaryOqtfCountsOneMonthFromItsNotificationAndLegalAidInterruptsIt() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED_WITH_OQTF",
                        "decisionNotifiedDate",
                        "2026-03-02",
                        "oqtfKind",
                        "ORDINARY",
                        "oqtfNotifiedAt",
                        "2026-03-02"));
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), true, "NONE");
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("requestLegalAid");
    }

    @Test
    void anOqtfOfUnknownRegimeIsCountedAsTheShortest() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars("decisionOutcome", "REFUSED_WITH_OQTF", "decisionNotifiedDate", "2026-03-02"));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("contentiousAppealFrom", "2026-03-02");
        assertThat(task(pi).getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 3, 4, 0, 0)));
    }

    @Test
    void theCallerMayGiveTheRuleAndTheDateAfterAnAdministrativeAppeal() {
        // refused on 20 February, gracious appeal rejected on 10 April: 2 months from the rejection
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED",
                        "decisionNotifiedDate",
                        "2026-02-20",
                        "contentiousAppealRule",
                        "CONTENTIOUS_APPEAL",
                        "contentiousAppealFrom",
                        "2026-04-10"));
        Task offer = task(pi);
        assertThat(offer.getDueDate()).isEqualTo(endOf("2026-06-11"));
        List<String> groups = candidateGroups(offer);
        assertThat(groups).containsExactly("coordinator");
    }

    // ------------------------------------------------------------------ restriction of liberty, issue 9

    private void restrict(String kind, String notifiedAt) {
        engine.getRuntimeService()
                .createMessageCorrelation("LibertyRestricted")
                .processInstanceBusinessKey(caseId)
                .setVariable("restrictionKind", kind)
                .setVariable("restrictionNotifiedAt", notifiedAt)
                .correlateAll();
    }

    private ProcessInstance ordinaryOqtf() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED_WITH_OQTF",
                        "decisionNotifiedDate",
                        "2026-03-02",
                        "oqtfKind",
                        "ORDINARY",
                        "oqtfNotifiedAt",
                        "2026-03-02"));
        assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_ORDINARY");
        return pi;
    }

    @Test
    void aHouseArrestTenDaysIntoAnOrdinaryOqtfSwitchesTheDeadlineToSevenDaysAtTheStepItWasAt() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), false, "NONE");
        assertThat(task(pi, "fileRequest").getDueDate()).isEqualTo(endOf("2026-04-03"));
        assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(startOf("2026-04-04"));

        setClock(LocalDateTime.of(2026, 3, 12, 11, 0));
        restrict("HOUSE_ARREST", "2026-03-12T10:00");

        // 7 days from the house arrest (stand-in: + 7 days), earlier than 3 April: the deadline switches
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST")
                .containsEntry("contentiousAppealFrom", "2026-03-12T10:00")
                .containsEntry("contentiousAppealRuleBeforeRestriction", "OQTF_ORDINARY");
        Task file = task(pi);
        assertThat(file).hasDefinitionKey("fileRequest").isAssignedTo("lawyer-martin");
        assertThat(file.getDueDate()).isEqualTo(endOf("2026-03-19"));
        assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(startOf("2026-03-20"));
        Date from = paris(LocalDateTime.of(2026, 3, 12, 10, 0));
        assertThat(timer(pi, "halfTimeReached").getDuedate())
                .isEqualTo(new Date(from.getTime() + (endOf("2026-03-19").getTime() - from.getTime()) / 2));

        // a retention after that: 48 hours from it
        restrict("RETENTION", "2026-03-13T18:00");
        assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_RETENTION");
        assertThat(task(pi, "fileRequest").getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 3, 15, 18, 0)));
        fileRequest(pi, "lawyer-martin", paris(LocalDateTime.of(2026, 3, 15, 18, 0)), "2026-03-14");
        assertThat(hasTimer(pi, "halfTimeReached")).isFalse();
        assertThat(pi)
                .hasPassed("deadlineSwitched", "deadlineSwitchedEnd", "requestFiled")
                .hasNotPassed("checkLibertyRestriction");
    }

    @Test
    void aRestrictionThatWouldEndLaterOrAnArrestAloneChangesNothingButRaisesAnUrgentCoordinatorTask() {
        ProcessInstance pi = ordinaryOqtf();
        Task offer = task(pi, "offerAppealToLawyer");

        // arrested: no deadline of its own; the coordinator checks whether retention follows
        restrict("ARREST", "2026-03-05T07:00");
        Task check = task(pi, "checkLibertyRestriction");
        assertThat(check).hasCandidateGroup("coordinator");
        assertThat(check.getPriority()).isEqualTo(100);
        assertThat(check.getDueDate()).isEqualTo(endOf("2026-04-03"));
        assertThat(task(pi, "offerAppealToLawyer").getId())
                .as("the offer is not interrupted")
                .isEqualTo(offer.getId());
        assertThat(pi).variables().containsEntry("contentiousAppealRule", "OQTF_ORDINARY");
        complete(check, vars("restrictionFollowUp", "RELEASED"));

        // a house arrest notified on 30 March would end on 6 April, after 3 April: never a longer deadline
        setClock(LocalDateTime.of(2026, 3, 30, 9, 0));
        restrict("HOUSE_ARREST", "2026-03-30T08:00");
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_ORDINARY")
                .containsEntry("contentiousAppealFrom", "2026-03-02");
        complete(task(pi, "checkLibertyRestriction"), vars("restrictionFollowUp", "NO_CHANGE"));
        assertThat(task(pi).getDueDate()).isEqualTo(endOf("2026-04-03"));

        // the deadline passes while the offer is still with the coordinator: escalation all the same
        fireTimer(pi, "filingDeadlineReached", startOf("2026-04-04"));
        assertThat(task(pi, "handleMissedFilingDeadline")).hasCandidateGroup("coordinator");
        assertThat(pi).hasPassed("restrictionChecked").hasNotPassed("deadlineSwitched");
    }

    @Test
    void aRetentionWhileLegalAidIsAwaitedEndsTheInterruptionAndTheCoordinatorIsAlertedAtHalfTime() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), true, "SUSPENSION");
        complete(task(pi, "requestLegalAid"), vars("legalAidRequestedDate", "2026-03-05"));
        // requested in time: the deadline is interrupted, no deadline timer runs
        assertThat(pi).variables().containsEntry("legalAidPending", true);
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("recordLegalAidDecision");
        assertThat(hasTimer(pi, "filingDeadlineReached")).isFalse();

        // an arrest: checked, the legal-aid decision is still awaited
        restrict("ARREST", "2026-03-20T06:00");
        complete(task(pi, "checkLibertyRestriction"), vars("restrictionFollowUp", "RESTRICTION_FOLLOWS"));
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("recordLegalAidDecision");

        // the retention: 48 hours from its notification, legal aid interrupts nothing any more
        restrict("RETENTION", "2026-03-20T08:30");
        Date due = paris(LocalDateTime.of(2026, 3, 22, 8, 30));
        Task file = task(pi);
        assertThat(file).hasDefinitionKey("fileRequest").isAssignedTo("lawyer-martin");
        assertThat(file.getDueDate()).isEqualTo(due);
        assertThat(pi)
                .variables()
                .containsEntry("legalAidPending", false)
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION");

        // half time: 24 hours after the notification
        fireTimer(pi, "halfTimeReached", paris(LocalDateTime.of(2026, 3, 21, 8, 30)));
        Task review = task(pi, "reviewAppealAtHalfTime");
        assertThat(review).hasCandidateGroup("coordinator");
        assertThat(review.getDueDate()).isEqualTo(due);
        complete(review, vars("halfTimeNotes", "L'avocat dépose ce soir"));
        fileRequest(pi, "lawyer-martin", due, "2026-03-21");

        // after the filing, a restriction is recorded and the lawyer tells the court
        restrict("HOUSE_ARREST", "2026-03-25T10:00");
        Task inform = task(pi, "informCourtOfRestriction");
        assertThat(inform).isAssignedTo("lawyer-martin");
        complete(inform, vars("courtInformedDate", "2026-03-25"));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("restrictionKind", "HOUSE_ARREST");
        notifyJudgment("REJECTED", "2026-03-27");
        complete(task(pi, "closeRejectedAppeal"));
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        "restrictedDuringLegalAid",
                        "legalAidRestrictionFork",
                        "halfTimeReviewed",
                        "restrictionReported",
                        "appealRejected")
                .hasNotPassed("recordUrgentOrder");
    }

    @Test
    void anOfferNotAcceptedInTimeGoesBackToTheCoordinatorWhoHasTheAssociationFileTheRequest() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED_WITH_OQTF",
                        "decisionNotifiedDate",
                        "2026-03-02",
                        "oqtfKind",
                        "RETENTION",
                        "oqtfNotifiedAt",
                        "2026-03-02T08:30"));
        Date due = paris(LocalDateTime.of(2026, 3, 4, 8, 30));
        complete(task(pi, "offerAppealToLawyer"), vars("offeredLawyerId", "lawyer-durand"));
        // 48 hours: the lawyer has 4 hours by default
        fireTimer(pi, "offerExpired", paris(LocalDateTime.of(2026, 3, 2, 13, 0)));
        Task offer = task(pi);
        assertThat(offer).hasDefinitionKey("offerAppealToLawyer").hasCandidateGroup("coordinator");
        assertThat(offer.getDueDate()).isEqualTo(due);
        assertThat(pi).variables().containsEntry("offerExpired", true);

        // a time of its own, then the association files itself
        complete(offer, vars("offeredLawyerId", "lawyer-petit", "offerAcceptanceTime", "PT2H"));
        assertThat(timer(pi, "offerExpired").getDuedate()).isEqualTo(paris(LocalDateTime.of(2026, 3, 2, 15, 0)));
        complete(task(pi, "acceptAppeal"), vars("appealAccepted", false, "declineReason", "En audience"));
        complete(task(pi, "offerAppealToLawyer"), vars("filingBy", "ASSOCIATION"));
        Task byAssociation = task(pi);
        assertThat(byAssociation).hasDefinitionKey("fileRequestByAssociation").hasCandidateGroup("caseworker");
        assertThat(byAssociation.getDueDate()).isEqualTo(due);
        complete(
                byAssociation,
                vars(
                        "requestFiledDate",
                        "2026-03-03",
                        "requestFiledChannel",
                        "RETENTION_CENTRE",
                        "courtName",
                        "Tribunal administratif de Lyon"));
        assertThat(hasTimer(pi, "filingDeadlineReached")).isFalse();

        // the proceedings are offered to a lawyer, who follows them
        complete(task(pi, "offerProceedingsToLawyer"), vars("offeredLawyerId", "lawyer-durand"));
        complete(task(pi, "acceptProceedings"), vars("appealAccepted", false));
        complete(task(pi, "offerProceedingsToLawyer"), vars("offeredLawyerId", "lawyer-martin"));
        Task accept = task(pi, "acceptProceedings");
        assertThat(accept).hasCandidateUser("lawyer-martin");
        complete(accept, vars("appealAccepted", true));
        assertThat(task(pi, "recordHearingDate")).isAssignedTo("lawyer-martin");
        assertThat(pi).variables().containsEntry("lawyerId", "lawyer-martin").containsEntry("filingBy", "ASSOCIATION");
        assertThat(pi).hasPassed("requestFiledByAssociation").hasNotPassed("fileRequest");
    }

    @Test
    void aSwitchResumesAtTheStrategyOrAtTheAssociationsFiling() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        restrict("HOUSE_ARREST", "2026-03-04T10:00");
        Task strategy = task(pi);
        assertThat(strategy).hasDefinitionKey("chooseContentiousStrategy").isAssignedTo("lawyer-martin");
        assertThat(strategy.getDueDate()).isEqualTo(endOf("2026-03-11"));
        // legal aid no longer interrupts a 7-day deadline
        chooseStrategy(pi, "lawyer-martin", endOf("2026-03-11"), true, "NONE");
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("fileRequest");

        ProcessInstance other = start(
                "appeal-contentious",
                "other-" + caseId,
                vars(
                        "decisionOutcome",
                        "REFUSED_WITH_OQTF",
                        "decisionNotifiedDate",
                        "2026-03-02",
                        "oqtfKind",
                        "ORDINARY",
                        "oqtfNotifiedAt",
                        "2026-03-02"));
        complete(task(other), vars("filingBy", "ASSOCIATION"));
        engine.getRuntimeService()
                .createMessageCorrelation("LibertyRestricted")
                .processInstanceBusinessKey("other-" + caseId)
                .setVariable("restrictionKind", "RETENTION")
                .setVariable("restrictionNotifiedAt", "2026-03-04T10:00")
                .correlateAll();
        Task byAssociation = task(other);
        assertThat(byAssociation).hasDefinitionKey("fileRequestByAssociation");
        assertThat(byAssociation.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 3, 6, 10, 0)));
        List<Job> timers = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(other.getId())
                .timers()
                .list();
        assertThat(timers)
                .extracting(Job::getDuedate)
                .contains(paris(LocalDateTime.of(2026, 3, 6, 10, 0)), paris(LocalDateTime.of(2026, 3, 5, 10, 0)));
    }
}
