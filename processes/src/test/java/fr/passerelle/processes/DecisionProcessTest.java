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
    void fourMonthsOfSilenceAreAnImplicitRefusalWhoseReasonsAreAskedWithinTheAppealPeriod() {
        ProcessInstance pi = startAfterCompleteFiling();

        fireTimer(pi, "implicitRefusal", startOf("2026-07-20"));
        assertThat(pi)
                .variables()
                .containsEntry("decisionOutcome", "IMPLICIT_REFUSAL")
                .containsEntry("decisionNotifiedDate", "2026-07-20");

        Task reasons = task(pi);
        assertThat(reasons).hasDefinitionKey("requestReasons").hasCandidateGroup("caseworker");
        assertThat(reasons.getDueDate()).isEqualTo(endOf("2026-09-21")); // CONTENTIOUS_APPEAL from the refusal
        complete(reasons, vars("reasonsRequestedDate", "2026-07-21", "reasonsRequestChannel", "REGISTERED_LETTER"));

        assertThat(pi).isEnded().hasPassed("implicitRefusalEnd");
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

    @Test
    void anIncompleteFileHasNoImplicitRefusalOnlyANotifiedDecision() {
        ProcessInstance pi = start("decision", vars("filingDate", "2026-03-20", "fileComplete", false));
        assertThat(pi).isWaitingAt("decisionNotifiedIncomplete");
        assertThat(hasTimer(pi, "implicitRefusal")).isFalse();

        notifyDecision(vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-09-01"));
        assertThat(pi).isEnded().hasPassed("refused");
    }
}
