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

/** {@code filing}: the filing date, the fee due at filing, a complete or incomplete file. */
@Deployment(resources = "bpmn/filing.bpmn")
class FilingProcessTest extends ProcessTestCase {

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessTestCase.engine();

    @Test
    void completeFileWithTheFeePaid() {
        ProcessInstance pi = start("filing", vars("filingMode", "APPOINTMENT", "appointmentDate", "2026-03-20"));

        Task record = task(pi);
        assertThat(record).hasDefinitionKey("recordFiling").hasCandidateGroup("caseworker");
        assertThat(record.getName()).isEqualTo("Enregistrer le dépôt de la demande");
        complete(record, vars("filingDate", "2026-03-20", "feePaid", true, "feeAmount", 50L, "fileComplete", true));

        assertThat(pi).isEnded().hasPassed("filedComplete").hasNotPassed("payFilingFee", "sendMissingPieces");
        assertThat(pi)
                .variables()
                .containsEntry("filingDate", "2026-03-20")
                .containsEntry("feePaid", true)
                .containsEntry("fileComplete", true);
    }

    @Test
    void unpaidFeeThenMissingPiecesTwiceUntilTheFileIsComplete() {
        ProcessInstance pi = start("filing", vars("filingMode", "REGISTERED_LETTER"));
        complete(
                task(pi),
                vars(
                        "filingDate",
                        "2026-03-09",
                        "feePaid",
                        false,
                        "feeNotDue",
                        false,
                        "fileComplete",
                        false,
                        "missingPieces",
                        "Justificatif de domicile de moins de 6 mois",
                        "missingPiecesDueDate",
                        "2026-03-24"));

        Task fee = task(pi);
        assertThat(fee).hasDefinitionKey("payFilingFee").hasCandidateGroup("caseworker");
        complete(fee, vars("feePaid", true, "feeAmount", 50L, "stampReference", "1234567890123456"));

        Task send = task(pi);
        assertThat(send).hasDefinitionKey("sendMissingPieces").hasCandidateGroup("caseworker");
        assertThat(send.getDueDate()).isEqualTo(startOf("2026-03-24"));
        complete(send, vars("missingPiecesSentDate", "2026-03-16", "missingPiecesSentBy", "REGISTERED_LETTER"));

        Task answer = task(pi);
        assertThat(answer).hasDefinitionKey("confirmCompleteness").hasCandidateGroup("caseworker");
        complete(
                answer,
                vars(
                        "fileComplete",
                        false,
                        "missingPieces",
                        "Avis d'imposition 2025",
                        "missingPiecesDueDate",
                        "2026-04-10"));

        assertThat(task(pi, "sendMissingPieces").getDueDate()).isEqualTo(startOf("2026-04-10"));
        complete(task(pi), vars("missingPiecesSentDate", "2026-04-01", "missingPiecesSentBy", "ANEF"));
        complete(task(pi, "confirmCompleteness"), vars("fileComplete", true, "fileCompletedDate", "2026-04-03"));

        // the 4 months of silence run from the complete file (L114-5 CRPA; CE avis 10 Oct 2024 n° 494718)
        assertThat(pi).isEnded().hasPassed("payFilingFee", "filedComplete");
        assertThat(pi)
                .variables()
                .containsEntry("filingDate", "2026-04-03")
                .containsEntry("firstFilingDate", "2026-03-09")
                .containsEntry("feePaid", true)
                .containsEntry("fileComplete", true);
    }

    @Test
    void feeNotDueAndMissingPiecesWithoutADeadline() {
        ProcessInstance pi = start("filing", vars("filingMode", "ONLINE"));
        complete(
                task(pi), vars("filingDate", "2026-03-02", "feePaid", false, "feeNotDue", true, "fileComplete", false));

        Task send = task(pi);
        assertThat(send).hasDefinitionKey("sendMissingPieces");
        assertThat(send.getDueDate()).isNull();
        complete(send, vars("missingPiecesSentDate", "2026-03-04", "missingPiecesSentBy", "EMAIL"));
        complete(task(pi, "confirmCompleteness"), vars("fileComplete", true));

        assertThat(pi).isEnded().hasNotPassed("payFilingFee");
        // no date of receipt given: the day the pieces were sent, the earlier reading
        assertThat(pi)
                .variables()
                .containsEntry("feePaid", false)
                .containsEntry("fileComplete", true)
                .containsEntry("filingDate", "2026-03-04")
                .containsEntry("firstFilingDate", "2026-03-02");
    }
}
