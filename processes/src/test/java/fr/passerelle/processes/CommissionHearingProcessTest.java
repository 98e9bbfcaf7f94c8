package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code commission-hearing}: the summons (message or task), a late summons, the hearing, the opinion. */
@Deployment(resources = "bpmn/commission-hearing.bpmn")
class CommissionHearingProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    @Test
    void aSummonsReceivedInTimeByMessageThenTheHearingAndTheOpinion() {
        ProcessInstance pi = start("commission-hearing", vars("department", "57"));
        Task record = task(pi);
        assertThat(record).hasDefinitionKey("recordConvocation").hasCandidateGroup("caseworker");

        correlate("ConvocationReceived", vars("meetingDate", "2026-06-15", "convocationReceivedDate", "2026-05-29"));
        assertThat(pi).hasPassed("convocationReceived").hasNotPassed("contestLateConvocation");

        Task prepare = task(pi);
        assertThat(prepare).hasDefinitionKey("prepareHearing").hasCandidateGroup("caseworker");
        assertThat(prepare.getDueDate()).isEqualTo(startOf("2026-06-15"));
        complete(
                prepare,
                vars(
                        "hearingAssistance",
                        "LAWYER",
                        "hearingAssistantName",
                        "Me Martin",
                        "interpreterLanguage",
                        "tamoul",
                        "legalAidRequested",
                        true,
                        "mayorHearingRequested",
                        true));

        assertThat(pi).isWaitingAt("meetingDay");
        fireTimer(pi, "meetingDay", startOf("2026-06-15"));
        Task attend = task(pi);
        assertThat(attend).hasDefinitionKey("attendHearing").hasCandidateGroup("caseworker");
        complete(attend, vars("hearingOutcome", "HELD"));

        Task opinion = task(pi);
        assertThat(opinion).hasDefinitionKey("recordOpinion").hasCandidateGroup("caseworker");
        complete(opinion, vars("commissionOpinion", "FAVOURABLE", "opinionReceivedDate", "2026-06-22"));

        assertThat(pi).isEnded().hasPassed("opinionRecorded");
        assertThat(pi)
                .variables()
                .containsEntry("commissionOpinion", "FAVOURABLE")
                .containsEntry("meetingDate", "2026-06-15");
    }

    @Test
    void aLateSummonsIsContestedThenAPostponedHearingWaitsForANewSummons() {
        ProcessInstance pi = start("commission-hearing", vars());
        // received 14 days before the meeting: late
        complete(
                task(pi, "recordConvocation"),
                vars("convocationReceivedDate", "2026-06-01", "meetingDate", "2026-06-15"));

        Task contest = task(pi);
        assertThat(contest).hasDefinitionKey("contestLateConvocation").hasCandidateGroup("coordinator");
        assertThat(contest.getDueDate()).isEqualTo(startOf("2026-06-15"));
        complete(
                contest,
                vars(
                        "postponementRequestedDate",
                        "2026-06-02",
                        "postponementGranted",
                        true,
                        "meetingDate",
                        "2026-07-06"));

        assertThat(task(pi, "prepareHearing").getDueDate()).isEqualTo(startOf("2026-07-06"));
        complete(task(pi), vars("hearingAssistance", "COMPANION"));
        fireTimer(pi, "meetingDay", startOf("2026-07-06"));
        complete(task(pi, "attendHearing"), vars("hearingOutcome", "POSTPONED"));

        // postponed at the hearing: a new summons, in time this time
        complete(
                task(pi, "recordConvocation"),
                vars("convocationReceivedDate", "2026-07-10", "meetingDate", "2026-09-14"));
        assertThat(task(pi)).hasDefinitionKey("prepareHearing");
        complete(task(pi), vars("hearingAssistance", "NONE"));
        fireTimer(pi, "meetingDay", startOf("2026-09-14"));
        complete(task(pi, "attendHearing"), vars("hearingOutcome", "HELD"));
        complete(task(pi, "recordOpinion"), vars("commissionOpinion", "UNFAVOURABLE"));

        assertThat(pi).isEnded();
        assertThat(pi)
                .variables()
                .containsEntry("commissionOpinion", "UNFAVOURABLE")
                .containsEntry("meetingDate", "2026-09-14");
    }

    /**
     * Issue 18: the convocation is often how the association learns of the referral. The follow-up
     * started with it does not ask for it again: straight to the preparation, or to the lateness
     * check when it came less than 15 days before (L432-15 CESEDA).
     */
    @Test
    void aFollowUpStartedByTheConvocationDoesNotAskForItAgain() {
        ProcessInstance pi =
                start("commission-hearing", vars("convocationReceivedDate", "2026-05-20", "meetingDate", "2026-06-15"));
        Task prepare = task(pi);
        assertThat(prepare).hasDefinitionKey("prepareHearing");
        assertThat(prepare.getDueDate()).isEqualTo(startOf("2026-06-15"));
        assertThat(pi).hasPassed("convocationKnownGateway").hasNotPassed("recordConvocation");

        ProcessInstance late = start(
                "commission-hearing",
                "late-" + caseId,
                vars("convocationReceivedDate", "2026-06-05", "meetingDate", "2026-06-15"));
        assertThat(task(late)).hasDefinitionKey("contestLateConvocation");
    }
}
