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

/**
 * {@code appeal-gracious}: the appeal to the prefect sent within the deadline, its receipt, then the answer
 * (granted or rejected) or the implicit rejection after 2 months of silence; a deadline that passes
 * without a recorded sending.
 */
@Deployment(resources = "bpmn/appeal-gracious.bpmn")
class AppealGraciousProcessTest extends ProcessTestCase {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

  /** Refused on 20 February 2026: the appeal deadline (stand-in: + 2 months + 1 day) ends on 21 April. */
  private ProcessInstance startAfterRefusal() {
    ProcessInstance pi = start("appeal-gracious", vars("department", "69", "decisionOutcome", "REFUSED",
        "decisionNotifiedDate", "2026-02-20"));
    assertThat(pi).variables().containsEntry("administrativeAppealKind", "GRACIOUS");
    return pi;
  }

  private void sendAndRecordReceipt(ProcessInstance pi) {
    Task send = task(pi);
    assertThat(send).hasDefinitionKey("sendGraciousAppeal").hasCandidateGroup("caseworker");
    assertThat(send.getName()).isEqualTo("Rédiger et envoyer le recours gracieux");
    assertThat(send.getDueDate()).isEqualTo(endOf("2026-04-21"));
    assertThat(timer(pi, "graciousAppealDeadlinePassed").getDuedate()).isEqualTo(startOf("2026-04-22"));
    complete(send, vars("administrativeAppealSentDate", "2026-03-03", "administrativeAppealSentBy",
        "REGISTERED_LETTER", "administrativeAppealTrackingNumber", "1A 234 567 8901 2"));
    recordReceipt(pi, "2026-03-05");
  }

  private void recordReceipt(ProcessInstance pi, String receivedDate) {
    Task received = task(pi);
    assertThat(received).hasDefinitionKey("recordGraciousAppealReceipt").hasCandidateGroup("caseworker");
    assertThat(received.getDueDate()).isNull();
    complete(received, vars("administrativeAppealReceivedDate", receivedDate,
        "administrativeAppealReceiptProof", "ACKNOWLEDGEMENT_OF_RECEIPT"));
    assertThat(pi).isWaitingAt("awaitGraciousAnswer");
  }

  /** The prefect's answer, correlated as the backend does: the case and the kind of appeal. */
  private void answer(String outcome, String date) {
    engine.getRuntimeService().createMessageCorrelation("AdministrativeAppealAnswered")
        .processInstanceBusinessKey(caseId)
        .processInstanceVariableEquals("administrativeAppealKind", "GRACIOUS")
        .setVariable("administrativeAppealOutcome", outcome)
        .setVariable("administrativeAppealAnswerDate", date)
        .correlate();
  }

  @Test
  void anExplicitRejectionGivesTheDateTheContentiousDeadlineRestartsFrom() {
    ProcessInstance pi = startAfterRefusal();
    sendAndRecordReceipt(pi);
    assertThat(timer(pi, "graciousAppealImplicitlyRejected").getDuedate()).isEqualTo(startOf("2026-05-05"));

    answer("REJECTED", "2026-04-10");

    assertThat(pi).isEnded().hasPassed("graciousAppealAnswered", "graciousAppealRejected")
        .hasNotPassed("graciousAppealImplicitlyRejected", "checkGraciousAppealSent");
    assertThat(pi).variables().containsEntry("administrativeAppealOutcome", "REJECTED")
        .containsEntry("administrativeAppealRejectedDate", "2026-04-10")
        .containsEntry("administrativeAppealReceivedDate", "2026-03-05");
  }

  @Test
  void aGrantedAppealHasNoRejectionDate() {
    ProcessInstance pi = startAfterRefusal();
    sendAndRecordReceipt(pi);

    answer("ACCEPTED", "2026-04-02");

    assertThat(pi).isEnded().hasPassed("graciousAppealAccepted").hasNotPassed("graciousAppealRejected");
    assertThat(pi).variables().containsEntry("administrativeAppealOutcome", "ACCEPTED")
        .containsEntry("administrativeAppealAnswerDate", "2026-04-02")
        .doesNotContainKey("administrativeAppealRejectedDate");
  }

  @Test
  void twoMonthsOfSilenceAfterReceiptAreAnImplicitRejection() {
    ProcessInstance pi = startAfterRefusal();
    sendAndRecordReceipt(pi);

    fireTimer(pi, "graciousAppealImplicitlyRejected", startOf("2026-05-05"));

    assertThat(pi).isEnded().hasPassed("graciousAppealImplicitlyRejectedEnd").hasNotPassed("graciousAppealAnswered");
    assertThat(pi).variables().containsEntry("administrativeAppealOutcome", "IMPLICITLY_REJECTED")
        .containsEntry("administrativeAppealRejectedDate", "2026-05-05");
  }

  @Test
  void aDeadlinePassedWithProofOfATimelySendingGoesOn() {
    ProcessInstance pi = startAfterRefusal();

    fireTimer(pi, "graciousAppealDeadlinePassed", startOf("2026-04-22"));

    Task check = task(pi);
    assertThat(check).hasDefinitionKey("checkGraciousAppealSent").hasCandidateGroup("coordinator");
    complete(check, vars("administrativeAppealSent", true, "administrativeAppealSentDate", "2026-04-20",
        "administrativeAppealSentBy", "HAND_DELIVERED"));
    recordReceipt(pi, "2026-04-20");
    assertThat(timer(pi, "graciousAppealImplicitlyRejected").getDuedate()).isEqualTo(startOf("2026-06-20"));

    answer("REJECTED", "2026-05-15");
    assertThat(pi).isEnded().hasPassed("checkGraciousAppealSent", "graciousAppealRejected");
    assertThat(pi).variables().containsEntry("administrativeAppealRejectedDate", "2026-05-15");
  }

  @Test
  void aDeadlinePassedWithoutSendingMeansNoAppeal() {
    ProcessInstance pi = startAfterRefusal();

    fireTimer(pi, "graciousAppealDeadlinePassed", startOf("2026-04-22"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("sendGraciousAppeal").count()).isZero();
    complete(task(pi, "checkGraciousAppealSent"), vars("administrativeAppealSent", false,
        "lateAppealNotes", "Rien n'est parti"));

    assertThat(pi).isEnded().hasPassed("graciousAppealNotFiled").hasNotPassed("recordGraciousAppealReceipt");
    assertThat(pi).variables().containsEntry("administrativeAppealOutcome", "NOT_FILED")
        .doesNotContainKey("administrativeAppealRejectedDate");
  }
}
