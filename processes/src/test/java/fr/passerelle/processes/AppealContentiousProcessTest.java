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
        complete(file, vars("requestFiledDate", filedDate, "court", "TA-69", "courtCaseNumber", "2601234"));
        assertThat(pi)
                .as("the court named at the filing gives the calendar")
                .variables()
                .containsEntry("courtDepartment", "69");
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
        // a judgment on an OQTF: 1 month to appeal (R776-9 CJA; stand-in + 1 day)
        assertThat(close.getDueDate()).isEqualTo(endOf("2026-04-07"));
        complete(close, vars("courtOfAppealConsidered", true));
        complete(
                task(pi, "fileCourtOfAppealRequest"),
                vars("courtOfAppealFiledDate", "2026-03-20", "courtOfAppealName", "CAA de Lyon"));

        assertThat(pi)
                .isEnded()
                .hasPassed("judgmentNotifiedDuringProceedings", "courtOfAppealRequestFiled")
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
    void aPrisonTermDuringAnOrdinaryOqtfGivesSevenDaysNotFortyEightHours() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), false, "NONE");

        setClock(LocalDateTime.of(2026, 3, 12, 11, 0));
        restrict("IMPRISONMENT", "2026-03-12T10:00");

        // L921-1 CESEDA: in prison as under house arrest, 7 days from its notification (stand-in: + 7 days)
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST")
                .containsEntry("contentiousAppealFrom", "2026-03-12T10:00");
        assertThat(task(pi, "fileRequest").getDueDate()).isEqualTo(endOf("2026-03-19"));
        assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(startOf("2026-03-20"));
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
                vars("requestFiledDate", "2026-03-03", "requestFiledChannel", "RETENTION_CENTRE", "court", "LYON"));
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

    // ------------------------------------------------------------------ issue 18: legal aid at any time (item 9)

    private void legalAidAsked(String date) {
        correlate("LegalAidRequested", vars("legalAidRequestedDate", date, "legalAidOffice", "BAJ Lyon"));
    }

    private ProcessInstance refusedOn20February() {
        // 2 months from 20 February (stand-in: + 1 day): 21 April
        return start(
                "appeal-contentious",
                vars("department", "69", "decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-02-20"));
    }

    @Test
    void legalAidAskedBeforeALawyerAcceptsInterruptsTheDeadlineIsFollowedUpAndRestartsFromItsDecision() {
        ProcessInstance pi = refusedOn20February();
        complete(task(pi, "offerAppealToLawyer"), vars("offeredLawyerId", "lawyer-durand"));
        assertThat(task(pi, "acceptAppeal")).isNotNull();

        // the person asked the bureau herself on 5 March, before any lawyer accepted
        setClock(LocalDateTime.of(2026, 3, 6, 10, 0));
        legalAidAsked("2026-03-05");
        Task decision = task(pi);
        assertThat(decision).hasDefinitionKey("recordLegalAidDecision").hasCandidateGroup("caseworker");
        assertThat(pi).variables().containsEntry("legalAidPending", true);
        assertThat(hasTimer(pi, "filingDeadlineReached"))
                .as("the deadline is interrupted")
                .isFalse();
        assertThat(hasTimer(pi, "halfTimeReached")).isFalse();
        assertThat(openTask(pi, "acceptAppeal"))
                .as("the offer waits for the decision")
                .isNull();

        // no decision a month later: the bureau is chased, then again a month after the chase
        fireTimer(pi, "legalAidFollowUpDue", startOf("2026-04-05"));
        Task chase = task(pi);
        assertThat(chase).hasDefinitionKey("followUpLegalAid").hasCandidateGroup("caseworker");
        complete(chase, vars("legalAidFollowUpDate", "2026-04-07", "legalAidFollowUpNotes", "Dossier en cours"));
        assertThat(task(pi)).hasDefinitionKey("recordLegalAidDecision");
        assertThat(timer(pi, "legalAidFollowUpDue").getDuedate()).isEqualTo(startOf("2026-05-07"));

        // the decision, notified 4 May: the 2 months restart from it (décret 2020-1717 art. 43)
        complete(
                task(pi, "recordLegalAidDecision"),
                vars("legalAidDecisionDate", "2026-05-04", "legalAidGranted", true));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealFrom", "2026-05-04")
                .containsEntry("legalAidPending", false);
        Task offer = task(pi);
        assertThat(offer).hasDefinitionKey("offerAppealToLawyer");
        assertThat(offer.getDueDate()).isEqualTo(endOf("2026-07-05"));
        assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(startOf("2026-07-06"));
        offerAndAccept(pi, "lawyer-martin", endOf("2026-07-05"));
        // already asked: the lawyer's strategy does not ask for it again
        chooseStrategy(pi, "lawyer-martin", endOf("2026-07-05"), true, "NONE");
        assertThat(task(pi)).hasDefinitionKey("fileRequest");
        assertThat(pi)
                .hasPassed("legalAidRequestedMessage", "legalAidInterrupted")
                .hasNotPassed("requestLegalAid");
    }

    @Test
    void legalAidAskedAfterTheDeadlineOrAgainstSevenDaysInterruptsNothing() {
        ProcessInstance pi = refusedOn20February();
        Task offer = task(pi);
        setClock(LocalDateTime.of(2026, 4, 23, 10, 0));
        legalAidAsked("2026-04-22");
        assertThat(task(pi).getId()).as("nothing interrupted").isEqualTo(offer.getId());
        assertThat(pi).hasPassed("legalAidMessageLate");

        ProcessInstance sevenDays = start(
                "appeal-contentious",
                "seven-" + caseId,
                vars(
                        "decisionOutcome",
                        "REFUSED_WITH_OQTF",
                        "decisionNotifiedDate",
                        "2026-03-02",
                        "oqtfKind",
                        "HOUSE_ARREST",
                        "oqtfNotifiedAt",
                        "2026-03-02"));
        correlate("LegalAidRequested", "seven-" + caseId, vars("legalAidRequestedDate", "2026-03-03"));
        assertThat(task(sevenDays)).hasDefinitionKey("offerAppealToLawyer");
        assertThat(sevenDays).variables().doesNotContainKey("legalAidPending");
    }

    @Test
    void aLegalAidRequestKnownWhenTheAppealStartsWaitsForItsDecision() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED",
                        "decisionNotifiedDate",
                        "2026-02-20",
                        "legalAidRequestedDate",
                        "2026-03-01"));
        assertThat(task(pi)).hasDefinitionKey("recordLegalAidDecision");
        assertThat(pi).variables().containsEntry("legalAidPending", true);
    }

    @Test
    void theMissedDeadlineChecksLegalAidBeforeAbandoning() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        fireTimer(pi, "filingDeadlineReached", startOf("2026-04-04"));
        // the coordinator would abandon, but legal aid was asked on 20 March, in time: the deadline
        // is interrupted, the appeal is not lost
        complete(
                task(pi, "handleMissedFilingDeadline"),
                vars(
                        "abandonAppeal",
                        true,
                        "legalAidRequestedDate",
                        "2026-03-20",
                        "missedDeadlineNotes",
                        "AJ trouvée"));
        assertThat(pi).isActive();
        assertThat(task(pi)).hasDefinitionKey("recordLegalAidDecision");
        assertThat(pi).variables().containsEntry("legalAidPending", true);
        assertThat(pi).hasPassed("missedDeadlineLegalAid").hasNotPassed("contentiousAppealAbandoned");
    }

    @Test
    void aLawyerFilesDespiteTheMissedDeadlineAlertWhichCloses() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), false, "NONE");
        fireTimer(pi, "filingDeadlineReached", startOf("2026-04-04"));
        assertThat(task(pi, "handleMissedFilingDeadline")).hasCandidateGroup("coordinator");
        // filed on the last day, recorded late: the filing ends the alert with the deadline part
        fileRequest(pi, "lawyer-martin", endOf("2026-04-03"), "2026-04-03");
        assertThat(openTask(pi, "handleMissedFilingDeadline")).isNull();
        assertThat(task(pi, "recordHearingDate")).isAssignedTo("lawyer-martin");
    }

    // ------------------------------------------------------------------ issue 18: proceedings after the association
    // filed (item 11)

    private ProcessInstance filedByTheAssociationInRetention() {
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
        complete(task(pi, "offerAppealToLawyer"), vars("filingBy", "ASSOCIATION"));
        complete(
                task(pi, "fileRequestByAssociation"),
                vars("requestFiledDate", "2026-03-03", "requestFiledChannel", "RETENTION_CENTRE"));
        return pi;
    }

    @Test
    void proceedingsOfferedAfterTheAssociationFiledHaveTheJudgesTimeAndTheirOfferExpires() {
        setClock(LocalDateTime.of(2026, 3, 3, 9, 0));
        ProcessInstance pi = filedByTheAssociationInRetention();
        // the judge rules within 96 hours of the end of the 48 (L921-2): 8 March 08:30
        Date ruling = paris(LocalDateTime.of(2026, 3, 8, 8, 30));
        Task offer = task(pi, "offerProceedingsToLawyer");
        assertThat(offer).hasCandidateGroup("coordinator");
        assertThat(offer.getDueDate()).isEqualTo(ruling);
        // the hearing can be recorded at once, by the coordinators while no lawyer follows
        Task hearing = task(pi, "recordHearingDate");
        assertThat(hearing.getAssignee()).isNull();
        assertThat(hearing).hasCandidateGroup("coordinator");
        assertThat(hearing.getDueDate()).isEqualTo(ruling);
        assertThat(timer(pi, "rulingTimeElapsed").getDuedate()).isEqualTo(ruling);

        complete(offer, vars("offeredLawyerId", "lawyer-durand"));
        Task accept = task(pi, "acceptProceedings");
        assertThat(accept).hasCandidateUser("lawyer-durand");
        assertThat(accept.getDueDate()).isEqualTo(ruling);
        // 4 hours by default in retention
        fireTimer(pi, "proceedingsOfferExpired", paris(LocalDateTime.of(2026, 3, 3, 13, 0)));
        assertThat(pi).variables().containsEntry("offerExpired", true);

        // a restriction meanwhile: the coordinators tell the court
        restrict("HOUSE_ARREST", "2026-03-03T14:00");
        Task inform = task(pi, "informCourtOfRestriction");
        assertThat(inform.getAssignee()).isNull();
        assertThat(inform).hasCandidateGroup("coordinator");
        complete(inform, vars("courtInformedDate", "2026-03-03"));

        complete(task(pi, "offerProceedingsToLawyer"), vars("offeredLawyerId", "lawyer-martin"));
        complete(task(pi, "acceptProceedings"), vars("appealAccepted", true));
        assertThat(pi).variables().containsEntry("lawyerId", "lawyer-martin");
        assertThat(task(pi, "recordHearingDate")).as("handed to the lawyer").isAssignedTo("lawyer-martin");

        // no judgment when the judge's time is over: the coordinator checks
        fireTimer(pi, "rulingTimeElapsed", ruling);
        Task check = task(pi, "checkRulingOverdue");
        assertThat(check).hasCandidateGroup("coordinator");
        complete(check, vars("rulingCheckNotes", "Audience renvoyée au 10 mars"));
        complete(task(pi, "recordHearingDate"), vars("hearingDate", "2026-03-10"));
        fireTimer(pi, "hearingDay", startOf("2026-03-10"));
        complete(task(pi, "reportHearing"), vars("hearingPostponed", false));
        notifyJudgment("ANNULMENT_REEXAMINE", "2026-03-11");
        complete(task(pi, "requestJudgmentExecution"), vars("executionRequestedDate", "2026-03-12"));
        assertThat(pi).isEnded().hasPassed("proceedingsLawyerFound", "rulingChecked", "restrictionReported");
        assertThat(pi)
                .variables()
                .containsEntry("enforcementRule", "JUDGMENT_ENFORCEMENT")
                .containsEntry("enforcementFrom", "2026-03-11");
    }

    @Test
    void aJudgmentNotifiedWhileTheProceedingsAreOfferedIsCaught() {
        ProcessInstance pi = filedByTheAssociationInRetention();
        complete(task(pi, "offerProceedingsToLawyer"), vars("offeredLawyerId", "lawyer-durand"));
        // the judge ruled before any lawyer accepted: the judgment is recorded all the same
        notifyJudgment("REJECTED", "2026-03-06");
        assertThat(openTask(pi, "acceptProceedings")).isNull();
        Task close = task(pi);
        assertThat(close).hasDefinitionKey("closeRejectedAppeal");
        // a judgment on an OQTF: 1 month to appeal (R776-9 CJA; stand-in + 1 day)
        assertThat(close.getDueDate()).isEqualTo(endOf("2026-04-07"));
        assertThat(pi).hasPassed("judgmentNotifiedDuringProceedings").hasNotPassed("proceedingsLawyerFound");
    }

    // ------------------------------------------------------------------ issue 18: after the judgment (item 12)

    @Test
    void aRejectedAppealGetsTheCourtOfAppealsDeadlineBeforeItCloses() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars("decisionOutcome", "IMPLICIT_REFUSAL", "decisionNotifiedDate", "2026-01-05"));
        offerAndAccept(pi, "lawyer-martin", endOf("2026-03-06"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-03-06"), false, "NONE");
        fileRequest(pi, "lawyer-martin", endOf("2026-03-06"), "2026-02-20");
        notifyJudgment("REJECTED", "2026-06-15");

        // 2 months to appeal (R811-2 CJA; stand-in + 1 day): the coordinator decides by then
        Task close = task(pi);
        assertThat(close).hasDefinitionKey("closeRejectedAppeal");
        assertThat(close.getDueDate()).isEqualTo(endOf("2026-08-16"));
        assertThat(pi).variables().containsEntry("courtOfAppealRule", "CAA_APPEAL");
        complete(close, vars("courtOfAppealConsidered", true));
        Task appeal = task(pi);
        assertThat(appeal).hasDefinitionKey("fileCourtOfAppealRequest").isAssignedTo("lawyer-martin");
        assertThat(appeal.getDueDate()).isEqualTo(endOf("2026-08-16"));

        // not filed by the end of the delay: the coordinator is alerted before the case closes
        fireTimer(pi, "courtOfAppealDeadlineReached", startOf("2026-08-17"));
        Task missed = task(pi);
        assertThat(missed).hasDefinitionKey("handleMissedCourtOfAppealDeadline").hasCandidateGroup("coordinator");
        assertThat(pi).isActive();
        complete(missed, vars("courtOfAppealMissedNotes", "Pas d'appel"));
        assertThat(pi).isEnded().hasPassed("courtOfAppealDeadlineHandled");
        assertThat(pi).variables().containsEntry("judgmentOutcome", "REJECTED");
    }

    @Test
    void theAppealToTheCourtOfAppealIsFiledInTime() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), false, "NONE");
        fileRequest(pi, "lawyer-martin", endOf("2026-04-03"), "2026-03-20");
        notifyJudgment("REJECTED", "2026-06-15");
        assertThat(pi).variables().containsEntry("courtOfAppealRule", "CAA_APPEAL_OQTF");
        complete(task(pi, "closeRejectedAppeal"), vars("courtOfAppealConsidered", true));
        Task appeal = task(pi, "fileCourtOfAppealRequest");
        assertThat(appeal.getDueDate()).isEqualTo(endOf("2026-07-16"));
        complete(appeal, vars("courtOfAppealFiledDate", "2026-07-10", "courtOfAppealCaseNumber", "26LY01234"));
        assertThat(pi).isEnded().hasPassed("courtOfAppealRequestFiled");
    }

    @Test
    void anAnnulmentWithAnInjunctionGivesTheDayItsDelayEnds() {
        ProcessInstance pi = ordinaryOqtf();
        offerAndAccept(pi, "lawyer-martin", endOf("2026-04-03"));
        chooseStrategy(pi, "lawyer-martin", endOf("2026-04-03"), false, "NONE");
        fileRequest(pi, "lawyer-martin", endOf("2026-04-03"), "2026-03-20");
        notifyJudgment("ANNULMENT_REEXAMINE", "2026-06-15");
        complete(
                task(pi, "requestJudgmentExecution"),
                vars("executionRequestedDate", "2026-06-16", "injunctionDeadline", "2026-08-15"));
        assertThat(pi)
                .variables()
                .containsEntry("enforcementRule", "INJUNCTION_EXPIRY")
                .containsEntry("enforcementFrom", "2026-08-15");
    }

    // ------------------------------------------------------------------ issue 18: the printed deadline (item 15)

    @Test
    void aShorterPrintedDeadlineMovesTheDueDatesAndTheTimersUntilLegalAidRestartsTheDeadline() {
        ProcessInstance pi = start(
                "appeal-contentious",
                vars(
                        "decisionOutcome",
                        "REFUSED",
                        "decisionNotifiedDate",
                        "2026-02-20",
                        "printedDeadline",
                        "2026-04-10"));
        // the law gives 21 April (stand-in); the decision printed 10 April: act by 10 April
        Task offer = task(pi);
        assertThat(offer.getDueDate()).isEqualTo(endOf("2026-04-10"));
        assertThat(timer(pi, "filingDeadlineReached").getDuedate()).isEqualTo(startOf("2026-04-11"));
        Date from = startOf("2026-02-20");
        assertThat(timer(pi, "halfTimeReached").getDuedate())
                .isEqualTo(new Date(from.getTime() + (endOf("2026-04-10").getTime() - from.getTime()) / 2));

        // legal aid asked in time restarts the law's deadline from its decision: the printed date is spent
        legalAidAsked("2026-03-05");
        complete(task(pi, "recordLegalAidDecision"), vars("legalAidDecisionDate", "2026-05-04"));
        assertThat(task(pi).getDueDate()).isEqualTo(endOf("2026-07-05"));

        // a later printed date changes nothing; after administrative appeals it does not apply
        ProcessInstance later = start(
                "appeal-contentious",
                "later-" + caseId,
                vars(
                        "decisionOutcome",
                        "REFUSED",
                        "decisionNotifiedDate",
                        "2026-02-20",
                        "printedDeadline",
                        "2026-05-10",
                        "contentiousAppealRule",
                        "CONTENTIOUS_APPEAL",
                        "contentiousAppealFrom",
                        "2026-02-20"));
        assertThat(task(later).getDueDate()).isEqualTo(endOf("2026-04-21"));
        ProcessInstance restarted = start(
                "appeal-contentious",
                "restarted-" + caseId,
                vars(
                        "decisionOutcome",
                        "REFUSED",
                        "decisionNotifiedDate",
                        "2026-02-20",
                        "printedDeadline",
                        "2026-04-10",
                        "contentiousAppealRule",
                        "CONTENTIOUS_APPEAL",
                        "contentiousAppealFrom",
                        "2026-04-10"));
        assertThat(task(restarted).getDueDate()).isEqualTo(endOf("2026-06-11"));
    }
}
