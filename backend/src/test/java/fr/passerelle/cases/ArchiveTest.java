package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.ParisClock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The archive step (issue 21): a closed case is read-only at once (409 naming the reason), and 30 days after its
 * closing ({@code passerelle.archive.after}) it is archived: read by the coordinators only, until its anonymisation.
 */
@ApiTest
class ArchiveTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api coordinator;
    Api caseworker;

    @BeforeEach
    void callers() {
        Associations.ensure(jdbc, ALPHA);
        Staff staff = new Staff(port);
        coordinator = staff.coordinator;
        caseworker = staff.caseworker;
    }

    @AfterEach
    void resetClock() {
        ParisClock.reset();
    }

    @Test
    void aClosedCaseIsReadOnlyThenArchivedForTheCoordinators() {
        ParisClock.set("2026-03-02T09:00");
        JsonNode opened = Staff.open(caseworker, null);
        String caseId = opened.get("id").asText();
        String search = "/api/cases?q=" + opened.get("reference").asText();
        String c = "/api/cases/" + caseId;
        var document = upload(c, "nationality");
        assertThat(document.status()).as(document.toString()).isEqualTo(201);
        String documentId = document.json().get("id").asText();
        String prepare = null;
        for (JsonNode task : caseworker.get(c + "/tasks").json()) {
            if ("prepareCase".equals(task.get("taskKey").asText()))
                prepare = task.get("id").asText();
        }
        var closing = caseworker.post("/api/tasks/" + prepare + "/complete", """
                {"proceedWithApplication": false, "closingKind": "WITHDRAWN", "closingReason": "Renonce"}""");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(204);
        assertThat(caseworker.get(c).json().get("status").asText()).isEqualTo("CLOSED");

        for (Api.Response refused : new Api.Response[] {
            caseworker.post(c + "/notes", "{\"text\": \"Après la clôture\"}"),
            upload(c, "proof-of-address"),
            caseworker.delete(c + "/documents/" + documentId),
            coordinator.put(c + "/checklist/nationality", "{\"status\": \"VERIFIED\"}")
        }) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().get("detail").asText())
                    .as("naming the reason")
                    .contains("clos");
        }
        assertThat(caseworker.get(c + "/tasks").json()).as("no task left").isEmpty();
        assertThat(coordinator.get(c + "/documents").json().findValuesAsText("id"))
                .as("nothing half-changed")
                .containsExactly(documentId);

        ParisClock.set("2026-03-31T12:00"); // 29 days after: not yet archived
        assertThat(caseworker.get(c).status()).isEqualTo(200);
        assertThat(caseworker.get(search).body()).contains(caseId);

        ParisClock.set("2026-04-01T12:00"); // 30 days after
        for (String path : new String[] {c, c + "/notes", c + "/documents", c + "/timeline", c + "/checklist"}) {
            assertThat(caseworker.get(path).status()).as(path).isEqualTo(403);
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(caseworker.get(search).body())
                .as("not in a caseworker's list")
                .doesNotContain(caseId);
        assertThat(coordinator.get(search).body()).as("in the coordinator's").contains(caseId);
    }

    private Api.Response upload(String c, String piece) {
        return caseworker.upload(
                c + "/checklist/" + piece + "/documents",
                "file",
                piece + ".pdf",
                "application/pdf",
                Staff.PDF.getBytes(StandardCharsets.UTF_8));
    }
}
