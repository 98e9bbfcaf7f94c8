package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code decision}: notified decisions, the implicit refusal after 4 months, the OQTF regimes. */
@Deployment(resources = "bpmn/decision.bpmn")
class DecisionProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    private ProcessInstance startAfterCompleteFiling() {
        ProcessInstance pi =
                start("decision", vars("department", "69", "filingDate", "2026-03-20", "fileComplete", true));
        assertThat(pi).isWaitingAt("awaitDecision");
        assertThat(timer(pi, "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-07-20"));
        return pi;
    }

    private void notifyDecision(Map<String, Object> variables) {
        correlate("DecisionNotified", variables);
    }

    @Test
    void fourMonthsOfSilenceAreAnImplicitRefusalHandedAtOnceToTheMainProcess() {
        ProcessInstance pi = startAfterCompleteFiling();

        fireTimer(pi, "implicitRefusal", startOf("2026-07-20"));
        // the reasons are asked in the main process, beside the strategy (L232-4 CRPA), not before it
        assertThat(pi).isEnded().hasPassed("implicitRefusalEnd");
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("decisionOutcome")
                        .singleResult()
                        .getValue())
                .isEqualTo("IMPLICIT_REFUSAL");
    }

    @Test
    void aGrantedPermitEndsForTheMainProcessWhichCollectsTheCard() {
        ProcessInstance pi = startAfterCompleteFiling();
        notifyDecision(vars("decisionOutcome", "GRANTED", "decisionNotifiedDate", "2026-06-10"));

        assertThat(pi).isEnded().hasPassed("granted");
        assertThat(pi)
                .variables()
                .containsEntry("decisionOutcome", "GRANTED")
                .containsEntry("decisionNotifiedDate", "2026-06-10");
    }

    @Test
    void aRefusalWithoutOqtfEndsForTheAppeals() {
        ProcessInstance pi = startAfterCompleteFiling();
        notifyDecision(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-06-10"));

        assertThat(pi).isEnded().hasPassed("refused");
        assertThat(pi).variables().containsEntry("decisionOutcome", "REFUSED");
    }

    @Test
    void aReferralToTheCommissionEndsForTheHearing() {
        ProcessInstance pi = startAfterCompleteFiling();
        notifyDecision(vars("decisionOutcome", "COMMISSION_REFERRAL", "decisionNotifiedDate", "2026-05-04"));

        assertThat(pi).isEnded().hasPassed("referredToCommission");
        assertThat(pi).variables().containsEntry("decisionOutcome", "COMMISSION_REFERRAL");
    }

    @Test
    void anOrdinaryOqtfGivesTheCoordinatorOneMonth() {
        ProcessInstance pi = startAfterCompleteFiling();
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "ORDINARY",
                "oqtfNotifiedAt",
                "2026-05-04"));

        Task lawyer = task(pi);
        assertThat(lawyer).hasDefinitionKey("oqtfOrdinary").hasCandidateGroup("coordinator");
        assertThat(lawyer.getDueDate()).isEqualTo(endOf("2026-06-05"));
        complete(
                lawyer,
                vars("lawyerContactedAt", "2026-05-04T11:00", "lawyerName", "Me Martin", "legalAidRequested", true));

        assertThat(pi).isEnded().hasPassed("refusedWithOqtf");
        assertThat(pi).variables().containsEntry("decisionOutcome", "REFUSED_WITH_OQTF");
    }

    @Test
    void anOqtfWithHouseArrestGivesSevenDays() {
        ProcessInstance pi = startAfterCompleteFiling();
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "HOUSE_ARREST",
                "oqtfNotifiedAt",
                "2026-05-04"));

        Task lawyer = task(pi);
        assertThat(lawyer).hasDefinitionKey("oqtfHouseArrest").hasCandidateGroup("coordinator");
        assertThat(lawyer.getDueDate()).isEqualTo(endOf("2026-05-11"));
        assertThat(lawyer.getPriority()).isEqualTo(90);
        complete(lawyer, vars("lawyerContactedAt", "2026-05-04T11:00", "lawyerName", "Me Martin"));
        assertThat(pi).isEnded().hasPassed("refusedWithOqtf");
    }

    @Test
    void anOqtfInRetentionGivesFortyEightHoursToTheMinute() {
        ProcessInstance pi = startAfterCompleteFiling();
        notifyDecision(vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfKind",
                "RETENTION",
                "oqtfNotifiedAt",
                "2026-05-04T17:30"));

        Task lawyer = task(pi);
        assertThat(lawyer).hasDefinitionKey("oqtfRetention").hasCandidateGroup("coordinator");
        assertThat(lawyer.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 5, 6, 17, 30)));
        assertThat(lawyer.getPriority()).isEqualTo(100);
        complete(lawyer, vars("lawyerContactedAt", "2026-05-04T18:00", "lawyerName", "Me Martin"));
        assertThat(pi).isEnded().hasPassed("refusedWithOqtf");
    }

    @Test
    void anOqtfOfUnknownRegimeWithoutItsHourIsTreatedAsTheShortestDeadline() {
        ProcessInstance pi = startAfterCompleteFiling();
        notifyDecision(vars("decisionOutcome", "REFUSED_WITH_OQTF", "decisionNotifiedDate", "2026-05-04"));

        Task lawyer = task(pi);
        assertThat(lawyer).hasDefinitionKey("oqtfRetention");
        assertThat(pi).variables().containsEntry("oqtfNotifiedAt", "2026-05-04");
        assertThat(lawyer.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 5, 6, 0, 0)));
    }

    // ---------------------------------------------------------------- issue 18: OQTF regimes and restrictions

    private Task oqtfNotified(String kind, String notifiedOn, Object... more) {
        Map<String, Object> variables = vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                notifiedOn,
                "notificationMode",
                "HAND",
                "oqtfKind",
                kind,
                "oqtfNotifiedAt",
                notifiedOn + "T10:00");
        variables.putAll(vars(more));
        notifyDecision(variables);
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .singleResult();
    }

    private void restrict(String kind, String at) {
        engine.getRuntimeService()
                .createMessageCorrelation("LibertyRestricted")
                .processInstanceBusinessKey(caseId)
                .setVariable("restrictionKind", kind)
                .setVariable("restrictionNotifiedAt", at)
                .correlateAll();
    }

    /** Item 1: the regime is the person's situation; in prison, 7 days (L921-1), as under house arrest. */
    @Test
    void anOqtfNotifiedInPrisonGivesSevenDays() {
        startAfterCompleteFiling();
        Task lawyer = oqtfNotified("IMPRISONMENT", "2026-05-04");
        assertThat(lawyer.getTaskDefinitionKey()).isEqualTo("oqtfHouseArrest");
        assertThat(lawyer.getDueDate()).isEqualTo(endOf("2026-05-11"));
    }

    /** Item 1: an OQTF notified before 15 July 2024 keeps the former rules: 48 hours for anyone not free. */
    @Test
    void anOqtfNotifiedBeforeTheReformKeepsTheFormerRegime() {
        start("decision", vars("filingDate", "2024-01-10", "fileComplete", false));
        Task lawyer = oqtfNotified("HOUSE_ARREST", "2024-06-03");
        assertThat(lawyer.getTaskDefinitionKey()).isEqualTo("oqtfRetention");
        assertThat(lawyer.getDueDate()).isEqualTo(paris(LocalDateTime.of(2024, 6, 5, 10, 0)));
    }

    /**
     * Item 4: a placement in retention while the 1-month task runs re-dates it at once, 48 hours from the
     * retention's notification; an arrest, or a house arrest ending later, changes nothing.
     */
    @Test
    void aRetentionDuringTheMonthRedatesTheOqtfTaskAtOnce() {
        ProcessInstance pi = startAfterCompleteFiling();
        Task month = oqtfNotified("ORDINARY", "2026-05-04");
        assertThat(month.getTaskDefinitionKey()).isEqualTo("oqtfOrdinary");
        assertThat(month.getDueDate()).isEqualTo(endOf("2026-06-05"));

        restrict("ARREST", "2026-05-12T06:00");
        assertThat(task(pi).getId()).as("an arrest alone changes nothing").isEqualTo(month.getId());

        restrict("RETENTION", "2026-05-14T18:00");
        Task hours = task(pi);
        assertThat(hours.getTaskDefinitionKey()).isEqualTo("oqtfRetention");
        assertThat(hours.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 5, 16, 18, 0)));
        assertThat(pi)
                .variables()
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("contentiousAppealFrom", "2026-05-14T18:00")
                .containsEntry("contentiousAppealRuleBeforeRestriction", "OQTF_ORDINARY");

        // a house arrest after the retention would end later: the 48 hours stay
        restrict("HOUSE_ARREST", "2026-05-15T09:00");
        assertThat(task(pi).getId()).isEqualTo(hours.getId());
        complete(task(pi), vars("lawyerContactedAt", "2026-05-15T10:00", "lawyerName", "Me Martin"));
        assertThat(pi).isEnded().hasPassed("restrictionWithoutEffect", "refusedWithOqtf");
    }

    /**
     * Escalation: half-way through the OQTF's delay with no lawyer found, the coordinator is alerted; the
     * task stays; a restriction re-dates both.
     */
    @Test
    void halfWayThroughTheDelayWithNoLawyerTheCoordinatorIsAlerted() {
        ProcessInstance pi = startAfterCompleteFiling();
        oqtfNotified("HOUSE_ARREST", "2026-05-04");
        // 7 days from 4 May 10:00 to the end of 11 May: half-way on 8 May at 04:59:59.999
        assertThat(timer(pi, "oqtfHalfTimeReached").getDuedate())
                .isEqualTo(paris(LocalDateTime.of(2026, 5, 8, 4, 59, 59, 999_000_000)));
        fireTimer(pi, "oqtfHalfTimeReached");
        Task alert = task(pi, "escalateOqtfLawyer");
        assertThat(alert.getPriority()).isEqualTo(100);
        assertThat(alert.getDueDate()).isEqualTo(endOf("2026-05-11"));
        assertThat(task(pi, "oqtfHouseArrest")).as("the lawyer is still sought").isNotNull();
        complete(alert, vars("oqtfEscalationNotes", "Permanence du barreau jointe"));
        complete(task(pi, "oqtfHouseArrest"), vars("lawyerContactedAt", "2026-05-08T09:00", "lawyerName", "Me Martin"));
        assertThat(pi).isEnded().hasPassed("oqtfEscalationHandled");
    }

    @Test
    void theOqtfDeadlinePassedWithNoLawyerIsCheckedByTheCoordinator() {
        ProcessInstance pi = startAfterCompleteFiling();
        oqtfNotified("HOUSE_ARREST", "2026-05-04");
        // 7 days to the end of 11 May (L921-1 CESEDA): passed at the start of 12 May
        fireTimer(pi, "oqtfDeadlinePassed", startOf("2026-05-12"));
        Task check = task(pi, "handleOqtfDeadlinePassed");
        assertThat(check).hasCandidateGroup("coordinator");
        assertThat(check.getPriority()).isEqualTo(100);
        assertThat(task(pi, "oqtfHouseArrest"))
                .as("the lawyer's search stays open")
                .isNotNull();
        complete(check, vars("oqtfDeadlinePassedNotes", "Aucune requête déposée, personne informée"));
        complete(task(pi, "oqtfHouseArrest"), vars("lawyerContactedAt", "2026-05-12T09:00", "lawyerName", "Me Martin"));
        assertThat(pi).isEnded().hasPassed("oqtfDeadlinePassedHandled");
    }

    /** Item 3: a restriction counts only for an OQTF already notified, and only during its delay. */
    @Test
    void aRestrictionBeforeTheOqtfOrAfterItsDelayDoesNotCount() {
        // a house arrest recorded months before (passed in by the main process) is not this OQTF's
        ProcessInstance pi = start(
                "decision",
                vars(
                        "filingDate",
                        "2026-03-20",
                        "fileComplete",
                        true,
                        "restrictionKind",
                        "HOUSE_ARREST",
                        "restrictionNotifiedAt",
                        "2026-01-15T10:00"));
        Task month = oqtfNotified("ORDINARY", "2026-05-04");
        assertThat(month.getTaskDefinitionKey()).isEqualTo("oqtfOrdinary");
        assertThat(month.getDueDate()).isEqualTo(endOf("2026-06-05"));
        assertThat(pi).variables().containsEntry("restrictionKind", null).containsEntry("restrictionNotifiedAt", null);

        // a house arrest after the month is over does not reopen it
        restrict("HOUSE_ARREST", "2026-06-10T10:00");
        assertThat(task(pi).getId()).isEqualTo(month.getId());
    }

    /** Item 6: by post, the OQTF runs from the first presentation, whatever hour is typed for it. */
    @Test
    void byPostTheOqtfRunsFromTheFirstPresentationNotTheCollection() {
        ProcessInstance pi = startAfterCompleteFiling();
        Task lawyer = oqtfNotified(
                "ORDINARY",
                "2026-05-04",
                "notificationMode",
                "POST",
                "letterCollectedDate",
                "2026-05-18",
                "oqtfNotifiedAt",
                "2026-05-18T11:00");
        assertThat(pi).variables().containsEntry("oqtfNotifiedAt", "2026-05-04");
        assertThat(lawyer.getDueDate()).isEqualTo(endOf("2026-06-05"));
    }

    /** Item 2: called by the main process for an OQTF that arrives at another step: straight to the lawyer task. */
    @Test
    void anOqtfAlreadyNotifiedGoesStraightToItsTask() {
        ProcessInstance pi = start(
                "decision", vars("oqtfKind", "RETENTION", "oqtfNotifiedAt", "2026-03-01T22:15", "department", "69"));
        Task lawyer = task(pi);
        assertThat(lawyer.getTaskDefinitionKey()).isEqualTo("oqtfRetention");
        assertThat(lawyer.getDueDate()).isEqualTo(paris(LocalDateTime.of(2026, 3, 3, 22, 15)));
        assertThat(hasTimer(pi, "implicitRefusal")).isFalse();
        assertThat(pi).hasPassed("oqtfEntryGateway").hasNotPassed("completeFileGateway");
    }

    /** Item 7: once the implicit refusal is born, a new wait is for a notified decision only. */
    @Test
    void afterTheImplicitRefusalOnlyANotifiedDecisionIsAwaited() {
        ProcessInstance pi =
                start("decision", vars("filingDate", "2026-03-20", "fileComplete", true, "implicitRefusalBorn", true));
        assertThat(pi).isWaitingAt("decisionNotifiedIncomplete");
        assertThat(hasTimer(pi, "implicitRefusal")).isFalse();
    }

    @Test
    void anIncompleteFileHasNoImplicitRefusalOnlyANotifiedDecision() {
        ProcessInstance pi = start("decision", vars("filingDate", "2026-03-20", "fileComplete", false));
        assertThat(pi).isWaitingAt("decisionNotifiedIncomplete");
        assertThat(hasTimer(pi, "implicitRefusal")).isFalse();

        notifyDecision(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-09-01"));
        assertThat(pi).isEnded().hasPassed("refused");
    }

    /**
     * Item 15: pieces asked during the examination stop the silence; their receipt restarts the 4 months
     * from it (L114-5 CRPA; CE avis 10 oct. 2024 n° 494718), and the implicit refusal is dated from it.
     */
    @Test
    void piecesAskedStopTheSilenceAndTheirReceiptRestartsTheFourMonths() {
        ProcessInstance pi = startAfterCompleteFiling();

        correlate("DocumentsAwaited", vars());
        assertThat(pi).isWaitingAt("awaitDocuments");
        assertThat(hasTimer(pi, "implicitRefusal"))
                .as("no silence while the file is incomplete")
                .isFalse();

        correlate("DocumentsReceived", vars("completeFileDate", "2026-05-05"));
        assertThat(pi).isWaitingAt("awaitDecision");
        assertThat(pi).variables().containsEntry("implicitRefusalFrom", "2026-05-05");
        fireTimer(pi, "implicitRefusal", startOf("2026-09-05"));
        assertThat(pi).isEnded().hasPassed("documentsReceivedAfterRequest", "implicitRefusalEnd");
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("decisionNotifiedDate")
                        .singleResult()
                        .getValue())
                .isEqualTo("2026-09-05");
    }

    /** Pieces received while the silence runs restart it from them, never from an earlier day. */
    @Test
    void piecesReceivedWhileTheSilenceRunsRestartItButNeverEarlier() {
        ProcessInstance pi = startAfterCompleteFiling();
        correlate("DocumentsReceived", vars("completeFileDate", "2026-03-10"));
        assertThat(timer(pi, "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-07-20"));

        correlate("DocumentsReceived", vars("completeFileDate", "2026-04-02"));
        assertThat(timer(pi, "implicitRefusal").getDuedate()).isEqualTo(startOf("2026-08-02"));
        assertThat(pi).hasPassed("documentsReceived");
    }

    /** A decision notified while the pieces are awaited ends the wait as at any time. */
    @Test
    void aDecisionWhileThePiecesAreAwaitedEndsTheWait() {
        ProcessInstance pi = startAfterCompleteFiling();
        correlate("DocumentsAwaited", vars());
        notifyDecision(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-06-10"));
        assertThat(pi).isEnded().hasPassed("decisionNotifiedDocumentsAwaited", "refused");
    }
}
