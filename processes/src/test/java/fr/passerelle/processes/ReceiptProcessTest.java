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

/** {@code receipt}: the provisional document, its renewal 15 days before expiry, no document at all. */
@Deployment(resources = "bpmn/receipt.bpmn")
class ReceiptProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    @Test
    void aRecepisseIsRenewedFifteenDaysBeforeItExpiresAgainAndAgain() {
        ProcessInstance pi = start("receipt", vars("filingDate", "2026-03-20", "fileComplete", true));

        Task record = task(pi);
        assertThat(record).hasDefinitionKey("recordReceipt").hasCandidateGroup("caseworker");
        assertThat(record.getDueDate()).isNull();
        complete(
                record,
                vars(
                        "receiptType",
                        "RECEPISSE",
                        "receiptNumber",
                        "6901234567",
                        "receiptIssuedDate",
                        "2026-03-20",
                        "receiptValidUntil",
                        "2026-09-19",
                        "receiptAllowsWork",
                        false));

        assertThat(pi).isWaitingAt("renewalDue");
        fireTimer(pi, "renewalDue", startOf("2026-09-04"));
        Task renew = task(pi);
        assertThat(renew).hasDefinitionKey("renewReceipt").hasCandidateGroup("caseworker");
        assertThat(renew.getDueDate()).isEqualTo(endOf("2026-09-04"));
        complete(
                renew,
                vars(
                        "renewalRequestedDate",
                        "2026-09-04",
                        "renewalChannel",
                        "COUNTER",
                        "receiptNoLongerNeeded",
                        false));

        // the new document is due by the old one's last day
        record = task(pi);
        assertThat(record).hasDefinitionKey("recordRenewedReceipt").hasCandidateGroup("caseworker");
        assertThat(record.getDueDate()).isEqualTo(endOf("2026-09-19"));
        complete(
                record,
                vars("receiptType", "RECEPISSE", "receiptNumber", "6901234568", "receiptValidUntil", "2026-12-18"));

        fireTimer(pi, "renewalDue", startOf("2026-12-03"));
        assertThat(task(pi, "renewReceipt").getDueDate()).isEqualTo(endOf("2026-12-03"));
        complete(task(pi), vars("renewalRequestedDate", "2026-12-03", "receiptNoLongerNeeded", true));

        assertThat(pi).isEnded().hasPassed("receiptNoLongerNeeded");
        assertThat(pi)
                .variables()
                .containsEntry("receiptType", "RECEPISSE")
                .containsEntry("receiptNumber", "6901234568")
                .containsEntry("receiptValidUntil", "2026-12-18");
    }

    /**
     * A renewal case (issue 18 item 14): the document issued with the renewal's filing is followed from its
     * dates, typed by the channel (R431-12, R431-15-1 CESEDA); none yet, a task to obtain it by the card's end.
     */
    @Test
    void aRenewalsDocumentIsFollowedFromItsDatesOrObtainedByTheCardsEnd() {
        ProcessInstance known = start(
                "receipt",
                vars(
                        "filingDate", "2027-07-22",
                        "renewalOf", "11111111-1111-1111-1111-111111111111",
                        "renewalChannel", "ANEF",
                        "renewalReceiptIssuedDate", "2027-11-19",
                        "renewalReceiptValidUntil", "2028-02-18"));
        assertThat(known).isWaitingAt("renewalDue").hasPassed("receiptKnownGateway");
        assertThat(known)
                .variables()
                .containsEntry("receiptType", "EXTENSION_ATTESTATION")
                .containsEntry("receiptIssuedDate", "2027-11-19")
                .containsEntry("receiptValidUntil", "2028-02-18");
        assertThat(timer(known, "renewalDue").getDuedate()).isEqualTo(startOf("2028-02-03"));

        ProcessInstance awaited = start(
                "receipt",
                vars(
                        "filingDate", "2027-09-20",
                        "renewalOf", "11111111-1111-1111-1111-111111111111",
                        "renewalChannel", "PREFECTURE",
                        "renewedCardValidUntil", "2027-11-19"));
        Task obtain = task(awaited);
        assertThat(obtain).hasDefinitionKey("obtainRenewalDocument").hasCandidateGroup("caseworker");
        assertThat(obtain.getDueDate()).isEqualTo(startOf("2027-11-19"));
        complete(obtain, vars("receiptType", "RECEPISSE", "receiptValidUntil", "2027-12-19"));
        assertThat(awaited).isWaitingAt("renewalDue");
    }

    /** Item 3: a récépissé whose end passes with no new one recorded raises a coordinator task. */
    @Test
    void aRecepisseThatLapsesWithNoNewOneRecordedIsEscalatedToTheCoordinator() {
        ProcessInstance pi = start("receipt", vars("filingDate", "2026-03-20", "fileComplete", true));
        complete(task(pi), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-07-19"));
        fireTimer(pi, "renewalDue", startOf("2026-07-04"));
        complete(task(pi), vars("renewalRequestedDate", "2026-07-04", "receiptNoLongerNeeded", false));

        // 19 July is over and nothing was recorded
        assertThat(task(pi, "recordRenewedReceipt").getDueDate()).isEqualTo(endOf("2026-07-19"));
        fireTimer(pi, "receiptLapsed", startOf("2026-07-20"));
        Task lapsed = task(pi, "handleLapsedReceipt");
        assertThat(lapsed).hasCandidateGroup("coordinator");
        assertThat(lapsed.getDueDate()).isEqualTo(endOf("2026-07-26"));
        assertThat(lapsed.getPriority()).isEqualTo(90);
        complete(
                lapsed,
                vars("lapseFollowUpDate", "2026-07-20", "lapseAction", "Courriel et recommandé à la préfecture"));

        // the new récépissé arrives late: it is recorded and followed as before
        complete(task(pi, "recordRenewedReceipt"), vars("receiptType", "RECEPISSE", "receiptValidUntil", "2026-10-19"));
        assertThat(pi).isWaitingAt("renewalDue").hasPassed("lapseHandled");
        assertThat(timer(pi, "renewalDue").getDuedate()).isEqualTo(startOf("2026-10-04"));
    }

    @Test
    void noDocumentIsDemandedUntilADatedOneComesThenItRunsUntilInterrupted() {
        ProcessInstance pi = start("receipt", vars("filingDate", "2026-03-20", "fileComplete", true));
        complete(task(pi), vars("receiptType", "NONE"));

        Task demand = task(pi);
        assertThat(demand).hasDefinitionKey("demandReceipt").hasCandidateGroup("caseworker");
        complete(demand, vars("receiptDemandDate", "2026-03-23", "receiptDemandChannel", "REGISTERED_LETTER"));

        // an ANEF filing attestation without an end date: ask for a dated document
        complete(task(pi, "recordReceipt"), vars("receiptType", "FILING_ATTESTATION", "receiptNumber", "ANEF-123"));
        complete(task(pi, "demandReceipt"), vars("receiptDemandDate", "2026-03-30"));

        complete(
                task(pi, "recordReceipt"),
                vars(
                        "receiptType",
                        "EXTENSION_ATTESTATION",
                        "receiptNumber",
                        "API-456",
                        "receiptValidUntil",
                        "2026-06-30"));
        assertThat(pi).isWaitingAt("renewalDue");
        assertThat(timer(pi, "renewalDue").getDuedate()).isEqualTo(startOf("2026-06-15"));

        // the main process ends it when the decision comes
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "decision notified");
        assertThat(pi).isEnded();
    }

    private static String resource(String path) throws java.io.IOException {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Issue 18: after a grant the récépissé is followed until the card is collected (R431-12 CESEDA):
     * "no longer needed" means the card collected or an explicit refusal, not any decision notified.
     */
    @Test
    void aGrantNotifiedIsNotTheEndOfTheRecepisseFollowUp() throws Exception {
        assertThat(resource("forms/receipt-renew.form"))
                .contains("carte retirée", "R431-12")
                .doesNotContain("décision notifiée)");
        assertThat(resource("bpmn/receipt.bpmn")).contains("jusqu'au retrait de la carte");
    }

    /** A follow-up resumed after an interruption (a grant recorded later) follows the document known without asking it again. */
    @Test
    void aResumedFollowUpWaitsForTheKnownDocumentsRenewal() {
        ProcessInstance pi = start(
                "receipt",
                vars("filingDate", "2026-03-20", "receiptType", "RECEPISSE", "receiptValidUntil", "2026-09-19"));
        assertThat(pi)
                .isWaitingAt("renewalDue")
                .hasPassed("receiptKnownGateway")
                .hasNotPassed("recordReceipt");
        fireTimer(pi, "renewalDue", startOf("2026-09-04"));
        assertThat(task(pi)).hasDefinitionKey("renewReceipt");
    }
}
