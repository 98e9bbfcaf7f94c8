package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, item 17: triage closes a case that is not the association's (an asylum claim, a Dublin
 * procedure) without deleting it: every process of the case ends, the case is closed with the reason,
 * its notes and documents stay readable.
 */
@ApiTest
class CaseClosingTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCaseNotOursIsClosedAtTriageItsProcessesEndedItsFileKept() {
        OpenedCase awa = OpenedCase.open(port, jdbc);
        Api caseworker = awa.caseworker();
        String path = "/api/cases/" + awa.caseId();
        assertThat(caseworker
                        .post(path + "/notes", "{\"text\": \"Récit : arrivée en 2025, demande d'asile\"}")
                        .status())
                .isIn(200, 201);
        byte[] pdf = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 2048);
        var uploaded = caseworker.upload(
                path + "/checklist/proof-of-address/documents", "file", "domicile.pdf", "application/pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        // something runs beside the preparation: an OQTF's own follow-up
        var oqtf = caseworker.post(path + "/events/decision-notified", """
                {"decisionOutcome": "OQTF", "notificationMode": "HAND", "decisionNotifiedDate": "2026-03-02",
                 "oqtfKind": "ORDINARY", "oqtfNotifiedAt": "2026-03-02T08:30"}""");
        assertThat(oqtf.status()).as(oqtf.toString()).isEqualTo(200);

        String prepare = null;
        for (JsonNode task : caseworker.get(path + "/tasks").json()) {
            if ("prepareCase".equals(task.get("taskKey").asText())) {
                prepare = task.get("id").asText();
            }
        }
        assertThat(prepare).as("the preparation task").isNotNull();
        var withoutReason = caseworker.post("/api/tasks/" + prepare + "/complete", """
                {"proceedWithApplication": false}""");
        assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(400);
        assertThat(withoutReason.json().get("errors").has("closingKind")).isTrue();
        var closing = caseworker.post("/api/tasks/" + prepare + "/complete", """
                {"proceedWithApplication": false, "closingKind": "NOT_OURS_ASYLUM",
                 "closingReason": "Demande d'asile enregistrée au guichet unique"}""");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(204);

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(awa.caseId())
                        .count())
                .as("every process of the case ended")
                .isZero();
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(awa.caseId())
                        .count())
                .isZero();
        JsonNode closed = caseworker.get(path).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("progress").get("closedReason").asText()).isEqualTo("NOT_OURS_ASYLUM");
        assertThat(closed.get("progress").get("closedOn").asText()).isEqualTo("2026-03-02");

        assertThat(caseworker.get(path + "/notes").json()).hasSize(1);
        JsonNode documents = caseworker.get(path + "/documents").json();
        assertThat(documents).hasSize(1);
        var download = caseworker.download(
                path + "/documents/" + documents.get(0).get("id").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
    }
}
