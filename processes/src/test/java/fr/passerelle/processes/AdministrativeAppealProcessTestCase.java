package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.passerelle.processes.support.ProcessTestCase;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The two administrative appeals, {@code appeal-gracious} (to the prefect) and
 * {@code appeal-hierarchical} (to the minister), have the same course: sent within the
 * deadline, received, then the answer (granted or rejected) or the implicit rejection after 2
 * months of silence, counted from the sending until a receipt is recorded (a receipt that never comes
 * back blocks nothing); a deadline that passes without a recorded sending. Each model's test class
 * runs these tests on its own model, with its own coverage.
 */
abstract class AdministrativeAppealProcessTestCase extends ProcessTestCase {
    private final String processKey;
    private final String kind;
    private final String sendTaskName;

    /** {@code kind} names the appeal in its element ids: "Gracious" for sendGraciousAppeal, graciousAppealRejected... */
    AdministrativeAppealProcessTestCase(String processKey, String kind, String sendTaskName) {
        this.processKey = processKey;
        this.kind = kind.toUpperCase();
        this.sendTaskName = sendTaskName;
    }

    /** An element id of this appeal's model: {@code id("send{Kind}Appeal")}, {@code id("{kind}AppealRejected")}. */
    private String id(String pattern) {
        String lower = kind.toLowerCase();
        return pattern.replace("{Kind}", Character.toUpperCase(lower.charAt(0)) + lower.substring(1))
                .replace("{kind}", lower);
    }

    /** Refused on 20 February 2026: the appeal deadline (stand-in: + 2 months + 1 day) ends on 21 April. */
    private ProcessInstance startAfterRefusal() {
        ProcessInstance pi = start(
                processKey,
                vars("department", "69", "decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-02-20"));
        assertThat(pi).variables().containsEntry("administrativeAppealKind", kind);
        return pi;
    }

    private void sendAndRecordReceipt(ProcessInstance pi) {
        Task send = task(pi);
        assertThat(send).hasDefinitionKey(id("send{Kind}Appeal")).hasCandidateGroup("caseworker");
        assertThat(send.getName()).isEqualTo(sendTaskName);
        assertThat(send.getDueDate()).isEqualTo(endOf("2026-04-21"));
        assertThat(timer(pi, id("{kind}AppealDeadlinePassed")).getDuedate()).isEqualTo(startOf("2026-04-22"));
        send(send);
        // until the receipt is recorded, 2 months of silence count from the sending (the earlier date)
        assertThat(timer(pi, id("{kind}AppealImplicitlyRejected")).getDuedate()).isEqualTo(startOf("2026-05-03"));
        recordReceipt(pi, "2026-03-05");
    }

    private void send(Task send) {
        complete(
                send,
                vars(
                        "administrativeAppealSentDate",
                        "2026-03-03",
                        "administrativeAppealSentBy",
                        "REGISTERED_LETTER",
                        "administrativeAppealTrackingNumber",
                        "1A 234 567 8901 2"));
    }

    private void recordReceipt(ProcessInstance pi, String receivedDate) {
        Task received = task(pi);
        assertThat(received).hasDefinitionKey(id("record{Kind}AppealReceipt")).hasCandidateGroup("caseworker");
        assertThat(received.getDueDate()).isNull();
        assertThat(pi).isWaitingAt(id("await{Kind}Answer"));
        complete(
                received,
                vars(
                        "administrativeAppealReceivedDate",
                        receivedDate,
                        "administrativeAppealReceiptProof",
                        "ACKNOWLEDGEMENT_OF_RECEIPT"));
        assertThat(pi).isWaitingAt(id("await{Kind}Answer"));
        assertThat(pi).variables().containsEntry("implicitRejectionFrom", receivedDate);
    }

    /** The answer, correlated as the backend does: the case and the kind of appeal. */
    private void answer(String outcome, String date) {
        engine.getRuntimeService()
                .createMessageCorrelation("AdministrativeAppealAnswered")
                .processInstanceBusinessKey(caseId)
                .processInstanceVariableEquals("administrativeAppealKind", kind)
                .setVariable("administrativeAppealOutcome", outcome)
                .setVariable("administrativeAppealAnswerDate", date)
                .correlate();
    }

    @Test
    void anExplicitRejectionGivesTheDateTheContentiousDeadlineRestartsFrom() {
        ProcessInstance pi = startAfterRefusal();
        sendAndRecordReceipt(pi);
        assertThat(timer(pi, id("{kind}AppealImplicitlyRejected")).getDuedate()).isEqualTo(startOf("2026-05-05"));

        answer("REJECTED", "2026-04-10");

        assertThat(pi)
                .isEnded()
                .hasPassed(id("{kind}AppealAnswered"), id("{kind}AppealRejected"))
                .hasNotPassed(id("{kind}AppealImplicitlyRejected"), id("check{Kind}AppealSent"));
        assertThat(pi)
                .variables()
                .containsEntry("administrativeAppealOutcome", "REJECTED")
                .containsEntry("administrativeAppealRejectedDate", "2026-04-10")
                .containsEntry("administrativeAppealReceivedDate", "2026-03-05");
    }

    @Test
    void aGrantedAppealHasNoRejectionDate() {
        ProcessInstance pi = startAfterRefusal();
        sendAndRecordReceipt(pi);

        answer("ACCEPTED", "2026-04-02");

        assertThat(pi).isEnded().hasPassed(id("{kind}AppealAccepted")).hasNotPassed(id("{kind}AppealRejected"));
        assertThat(pi)
                .variables()
                .containsEntry("administrativeAppealOutcome", "ACCEPTED")
                .containsEntry("administrativeAppealAnswerDate", "2026-04-02")
                .doesNotContainKey("administrativeAppealRejectedDate");
    }

    @Test
    void twoMonthsOfSilenceAfterReceiptAreAnImplicitRejection() {
        ProcessInstance pi = startAfterRefusal();
        sendAndRecordReceipt(pi);

        fireTimer(pi, id("{kind}AppealImplicitlyRejected"), startOf("2026-05-05"));

        assertThat(pi)
                .isEnded()
                .hasPassed(id("{kind}AppealImplicitlyRejectedEnd"))
                .hasNotPassed(id("{kind}AppealAnswered"));
        assertThat(pi)
                .variables()
                .containsEntry("administrativeAppealOutcome", "IMPLICITLY_REJECTED")
                .containsEntry("administrativeAppealRejectedDate", "2026-05-05");
    }

    @Test
    void aDeadlinePassedWithProofOfATimelySendingGoesOn() {
        ProcessInstance pi = startAfterRefusal();

        fireTimer(pi, id("{kind}AppealDeadlinePassed"), startOf("2026-04-22"));

        Task check = task(pi);
        assertThat(check).hasDefinitionKey(id("check{Kind}AppealSent")).hasCandidateGroup("coordinator");
        complete(
                check,
                vars(
                        "administrativeAppealSent",
                        true,
                        "administrativeAppealSentDate",
                        "2026-04-20",
                        "administrativeAppealSentBy",
                        "HAND_DELIVERED"));
        recordReceipt(pi, "2026-04-20");
        assertThat(timer(pi, id("{kind}AppealImplicitlyRejected")).getDuedate()).isEqualTo(startOf("2026-06-20"));

        answer("REJECTED", "2026-05-15");
        assertThat(pi).isEnded().hasPassed(id("check{Kind}AppealSent"), id("{kind}AppealRejected"));
        assertThat(pi).variables().containsEntry("administrativeAppealRejectedDate", "2026-05-15");
    }

    @Test
    void aDeadlinePassedWithoutSendingMeansNoAppeal() {
        ProcessInstance pi = startAfterRefusal();

        fireTimer(pi, id("{kind}AppealDeadlinePassed"), startOf("2026-04-22"));
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey(id("send{Kind}Appeal"))
                        .count())
                .isZero();
        complete(
                task(pi, id("check{Kind}AppealSent")),
                vars("administrativeAppealSent", false, "lateAppealNotes", "Rien n'est parti"));

        assertThat(pi).isEnded().hasPassed(id("{kind}AppealNotFiled")).hasNotPassed(id("record{Kind}AppealReceipt"));
        assertThat(pi)
                .variables()
                .containsEntry("administrativeAppealOutcome", "NOT_FILED")
                .doesNotContainKey("administrativeAppealRejectedDate");
    }

    /**
     * Issue 18: a late appeal's sending date is required and checked against the deadline (L411-2
     * CRPA): ticked "sent in time" with a date after 21 April, or without a date, it is no appeal.
     */
    @Test
    void aSendingFoundAtTheDeadlineIsCheckedAgainstIt() {
        ProcessInstance pi = startAfterRefusal();
        fireTimer(pi, id("{kind}AppealDeadlinePassed"), startOf("2026-04-22"));
        complete(
                task(pi, id("check{Kind}AppealSent")),
                vars(
                        "administrativeAppealSent",
                        true,
                        "administrativeAppealSentDate",
                        "2026-04-22",
                        "administrativeAppealSentBy",
                        "REGISTERED_LETTER"));
        assertThat(pi).isEnded().hasPassed(id("{kind}AppealNotFiled")).hasNotPassed(id("record{Kind}AppealReceipt"));
        assertThat(pi).variables().containsEntry("administrativeAppealOutcome", "NOT_FILED");

        ProcessInstance undated = start(
                processKey,
                "undated-" + caseId,
                vars("decisionOutcome", "REFUSED", "decisionNotifiedDate", "2026-02-20"));
        fireTimer(undated, id("{kind}AppealDeadlinePassed"), startOf("2026-04-22"));
        complete(task(undated, id("check{Kind}AppealSent")), vars("administrativeAppealSent", true));
        assertThat(undated).isEnded().hasPassed(id("{kind}AppealNotFiled"));
    }

    @Test
    void aReceiptThatNeverComesBackStillGivesTheImplicitRejectionCountedFromTheSending() {
        ProcessInstance pi = startAfterRefusal();
        send(task(pi));
        assertThat(task(pi)).hasDefinitionKey(id("record{Kind}AppealReceipt"));
        assertThat(pi).variables().containsEntry("implicitRejectionFrom", "2026-03-03");

        fireTimer(pi, id("{kind}AppealImplicitlyRejected"), startOf("2026-05-03"));

        // the contentious deadline runs from 3 May, the earlier date; the receipt is no longer asked for
        assertThat(pi)
                .isEnded()
                .hasPassed(id("{kind}AppealImplicitlyRejectedEnd"))
                .hasNotPassed(id("{kind}ReceiptRecordedEnd"), id("{kind}AppealAnswered"));
        assertThat(pi)
                .variables()
                .containsEntry("administrativeAppealOutcome", "IMPLICITLY_REJECTED")
                .containsEntry("administrativeAppealRejectedDate", "2026-05-03")
                .doesNotContainKey("administrativeAppealReceivedDate");
    }

    @Test
    void aRejectionWithAnOqtfBeforeTheReceiptIsRecordedIsARejection() {
        ProcessInstance pi = startAfterRefusal();
        send(task(pi));

        answer("REJECTED_WITH_OQTF", "2026-04-01");

        assertThat(pi)
                .isEnded()
                .hasPassed(id("{kind}AppealAnswered"), id("{kind}AppealRejected"))
                .hasNotPassed(id("{kind}ReceiptRecordedEnd"));
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        assertThat(pi)
                .variables()
                .containsEntry("administrativeAppealOutcome", "REJECTED_WITH_OQTF")
                .containsEntry("administrativeAppealRejectedDate", "2026-04-01");
    }
}
