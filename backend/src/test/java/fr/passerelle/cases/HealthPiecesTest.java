package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The medical pieces (health data, GDPR art. 9), marked {@code health} in the checklist catalogue: their
 * documents are opened by the case's assignee and the coordinators only, each opening audited.
 */
@ApiTest
class HealthPiecesTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ChecklistCatalog catalog;

    Staff staff;
    Api otherCaseworker;
    String caseId;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
        otherCaseworker = Api.at(port)
                .as(TestTokens.user("paul", group(ALPHA, "caseworker")).token());
        caseId = Staff.open(staff.caseworker); // L435-1: its medical evidence is a health piece
        String ines = TestTokens.user("ines", group(ALPHA, "caseworker")).subject();
        var assigned = staff.coordinator.put("/api/cases/" + caseId + "/assignee", "{\"userId\": \"" + ines + "\"}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    }

    @Test
    void theCatalogueMarksTheMedicalPiecesOfL425_9AndNoOther() {
        List<String> health = new ArrayList<>();
        for (Ground ground : Ground.values()) {
            catalog.of(ground).stream()
                    .map(ChecklistCatalog.Entry::code)
                    .filter(catalog::health)
                    .forEach(health::add);
        }
        assertThat(catalog.of(Ground.L425_9).stream()
                        .map(ChecklistCatalog.Entry::code)
                        .filter(catalog::health))
                .containsExactlyInAnyOrder("medical-report", "ofii-medical-evidence");
        assertThat(health)
                .as("the medical pieces of every list, nothing else")
                .allMatch(piece -> piece.contains("medical"))
                .contains("evidence-medical");
    }

    @Test
    void onlyTheAssigneeAndTheCoordinatorsOpenAMedicalDocumentAndEachOpeningIsAudited() {
        String document = upload(staff.caseworker, "evidence-medical");
        String ordinary = upload(staff.caseworker, "proof-of-address");
        String path = "/api/cases/" + caseId + "/documents/" + document;

        assertThat(otherCaseworker.download(path).statusCode())
                .as("a caseworker who is not the case's assignee")
                .isEqualTo(403);
        assertThat(otherCaseworker
                        .get("/api/cases/" + caseId + "/documents")
                        .json()
                        .findValuesAsText("id"))
                .as("nor listed to them")
                .containsExactly(ordinary);
        assertThat(otherCaseworker
                        .download("/api/cases/" + caseId + "/documents/" + ordinary)
                        .statusCode())
                .as("the other pieces stay open to the association's staff")
                .isEqualTo(200);

        assertThat(staff.caseworker.download(path).statusCode())
                .as("the assignee")
                .isEqualTo(200);
        assertThat(staff.coordinator.download(path).body()).isEqualTo(Staff.PDF.getBytes());

        JsonNode log = staff.coordinator.get("/api/audit?caseId=" + caseId).json();
        List<JsonNode> openings = new ArrayList<>();
        log.forEach(event -> {
            if ("HEALTH_READ".equals(event.get("action").asText())) {
                openings.add(event);
            }
        });
        assertThat(openings).hasSize(2);
        assertThat(openings.stream().map(event -> event.get("actorName").asText()))
                .as("who: the coordinator and the assignee")
                .containsExactlyInAnyOrder("claire", "ines");
        assertThat(openings)
                .allSatisfy(event -> assertThat(event.get("detail").asText())
                        .as("which piece")
                        .isEqualTo("document " + document + " (evidence-medical)"))
                .allSatisfy(event -> assertThat(event.hasNonNull("at")).isTrue());
        assertThat(staff.coordinator.get("/api/cases/" + caseId + "/timeline").body())
                .as("an opening is a read: in the coordinator's log, not the timeline")
                .doesNotContain("HEALTH_READ");
    }

    @Test
    void withoutAnAssigneeOnlyTheCoordinators() {
        var unassigned = staff.coordinator.put("/api/cases/" + caseId + "/assignee", "{\"userId\": null}");
        assertThat(unassigned.status()).as(unassigned.toString()).isEqualTo(200);
        String path = "/api/cases/" + caseId + "/documents/" + upload(staff.coordinator, "evidence-medical");
        assertThat(staff.caseworker.download(path).statusCode()).isEqualTo(403);
        assertThat(staff.coordinator.download(path).statusCode()).isEqualTo(200);
    }

    private String upload(Api as, String piece) {
        var uploaded = as.upload(
                "/api/cases/" + caseId + "/checklist/" + piece + "/documents",
                "file",
                piece + ".pdf",
                "application/pdf",
                Staff.PDF.getBytes());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get("id").asText();
    }
}
