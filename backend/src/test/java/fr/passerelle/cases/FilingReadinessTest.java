package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.security.Role;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The filing guard the procedure calls, on fixed dates, and the coordinator's override. */
@ApiTest
class FilingReadinessTest {
    static final CurrentAssociation ALPHA_CASEWORKER = new CurrentAssociation(ALPHA, Set.of(Role.CASEWORKER));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilingReadiness readiness;

    Staff staff;
    UUID caseId;
    String checklist;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
        // L425-1 (trafficking victim): birth certificate, nationality, proof of address, photos, complaint, commitment
        var opened = staff.caseworker.post("/api/cases", """
                {"applicantName": "Grace Okafor", "ground": "L425-1", "department": "69"}""");
        caseId = UUID.fromString(opened.json().get("id").asText());
        checklist = "/api/cases/" + caseId + "/checklist/";
    }

    @Test
    void anEmptyFileIsNotReadyAndEveryMissingPieceIsNamed() {
        assertThatThrownBy(() -> check(LocalDate.of(2026, 3, 1)))
                .isInstanceOfSatisfying(FilingNotReadyException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.pieces())
                            .containsOnlyKeys(
                                    "birth-certificate",
                                    "nationality",
                                    "proof-of-address",
                                    "photos",
                                    "complaint-receipt",
                                    "republic-commitment");
                    assertThat(e.pieces().values()).containsOnly("missing");
                });
    }

    @Test
    void aCompleteFileIsReadyUntilItsProofOfAddressIsThreeMonthsOld() {
        record("birth-certificate", "{\"status\": \"RECEIVED\", \"translated\": true}");
        record("nationality", "{\"status\": \"VERIFIED\", \"variant\": \"passport\"}");
        record(
                "proof-of-address",
                "{\"status\": \"VERIFIED\", \"variant\": \"utility-bill\", \"issuedOn\": \"2026-01-01\"}");
        record("photos", "{\"status\": \"RECEIVED\"}");
        record("complaint-receipt", "{\"status\": \"RECEIVED\"}");
        record("republic-commitment", "{\"status\": \"RECEIVED\"}");

        assertThatCode(() -> check(LocalDate.of(2026, 3, 31))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(LocalDate.of(2026, 4, 1)))
                .isInstanceOfSatisfying(FilingNotReadyException.class, e -> {
                    assertThat(e.pieces()).containsOnlyKeys("proof-of-address");
                    assertThat(e.pieces().get("proof-of-address")).contains("expired");
                    assertThat(e.getBody().getDetail()).contains("proof-of-address");
                });

        record("birth-certificate", "{\"status\": \"RECEIVED\", \"translated\": false}");
        assertThatThrownBy(() -> check(LocalDate.of(2026, 3, 31)))
                .isInstanceOfSatisfying(
                        FilingNotReadyException.class,
                        e -> assertThat(e.pieces())
                                .containsEntry("birth-certificate", "certified translation into French missing"));
    }

    @Test
    void aCoordinatorsOverrideWithAReasonLetsAnIncompleteFileBeFiledAndIsAudited() {
        String override = "/api/cases/" + caseId + "/filing-override";
        assertThat(staff.caseworker.put(override, "{\"reason\": \"urgent\"}").status())
                .isEqualTo(403);
        var blank = staff.coordinator.put(override, "{\"reason\": \"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").has("reason")).isTrue();
        assertThatThrownBy(() -> check(LocalDate.of(2026, 3, 1))).isInstanceOf(FilingNotReadyException.class);

        var recorded = staff.coordinator.put(
                override, "{\"reason\": \"Récépissé expires Friday: file now, send the birth certificate later\"}");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get("byName").asText()).isEqualTo("claire");
        assertThatCode(() -> check(LocalDate.of(2026, 3, 1))).doesNotThrowAnyException();
        assertThat(staff.caseworker
                        .get("/api/cases/" + caseId + "/checklist")
                        .json()
                        .get("filingOverride")
                        .get("reason")
                        .asText())
                .startsWith("Récépissé expires Friday");
        var log = staff.coordinator.get("/api/audit?caseId=" + caseId).json();
        assertThat(log.findValuesAsText("action")).contains("FILING_OVERRIDE");
        assertThat(log.findValuesAsText("detail")).anyMatch(detail -> detail.startsWith("Récépissé expires Friday"));

        assertThat(staff.caseworker.delete(override).status()).isEqualTo(403);
        assertThat(staff.coordinator.delete(override).status()).isEqualTo(204);
        assertThatThrownBy(() -> check(LocalDate.of(2026, 3, 1))).isInstanceOf(FilingNotReadyException.class);
    }

    @Test
    void anotherAssociationsCaseIsNotFoundAndItsOverrideCannotBeSet() {
        assertThatThrownBy(() -> Tenancy.runAs(new CurrentAssociation(BETA, Set.of(Role.COORDINATOR)), () -> {
                    readiness.requireReady(caseId);
                    return null;
                }))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(staff.betaCoordinator
                        .put("/api/cases/" + caseId + "/filing-override", "{\"reason\": \"x\"}")
                        .status())
                .isEqualTo(404);
        assertThatThrownBy(() -> check(LocalDate.of(2026, 3, 1))).isInstanceOf(FilingNotReadyException.class);
    }

    @Test
    void aPieceUpdateWithAnUnknownKindOrAFutureIssueIsRefusedNamingTheField() {
        var kind = staff.caseworker.put(
                checklist + "nationality", "{\"status\": \"RECEIVED\", \"variant\": \"library-card\"}");
        assertThat(kind.status()).isEqualTo(422);
        assertThat(kind.json().get("errors").has("variant")).isTrue();
        var future = staff.caseworker.put(
                checklist + "proof-of-address", "{\"status\": \"RECEIVED\", \"issuedOn\": \"2999-01-01\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").has("issuedOn")).isTrue();
        var status = staff.caseworker.put(checklist + "photos", "{\"status\": \"LOST\"}");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("detail").asText()).startsWith("status:");
        var view = staff.caseworker.get("/api/cases/" + caseId + "/checklist").json();
        assertThat(view.get("pieces").findValuesAsText("status")).containsOnly("MISSING");
        assertThat(view.get("readyToFile").asBoolean()).isFalse();
        assertThat(view.get("source").asText()).contains("Service-Public.fr").doesNotContain("seeds");
    }

    @Test
    void anAttestationDHebergementNeedsTheHostsPapersBeforeTheFileIsReady() {
        record("birth-certificate", "{\"status\": \"RECEIVED\", \"translated\": true}");
        record("nationality", "{\"status\": \"VERIFIED\", \"variant\": \"passport\"}");
        record("photos", "{\"status\": \"RECEIVED\"}");
        record("complaint-receipt", "{\"status\": \"RECEIVED\"}");
        record("republic-commitment", "{\"status\": \"RECEIVED\"}");
        record(
                "proof-of-address",
                "{\"status\": \"RECEIVED\", \"variant\": \"hosting-attestation\", \"issuedOn\": \"2026-02-20\"}");

        assertThatThrownBy(() -> check(LocalDate.of(2026, 3, 1)))
                .isInstanceOfSatisfying(
                        FilingNotReadyException.class,
                        e -> assertThat(e.pieces())
                                .containsOnlyKeys("host-papers")
                                .containsEntry("host-papers", "missing"));
        var view = staff.caseworker.get("/api/cases/" + caseId + "/checklist").json();
        assertThat(view.get("pieces").findValues("piece").stream().map(n -> n.asText()))
                .contains("host-papers");

        record("host-papers", "{\"status\": \"RECEIVED\", \"issuedOn\": \"2026-02-10\"}");
        assertThatCode(() -> check(LocalDate.of(2026, 3, 1))).doesNotThrowAnyException();
    }

    @Test
    void aCarePermitIsReadyWithoutTheMedicalPiecesSealedForTheOfii() {
        var opened = staff.caseworker.post("/api/cases", """
                {"applicantName": "Moussa Keita", "ground": "L425-9", "department": "69"}""");
        UUID care = UUID.fromString(opened.json().get("id").asText());
        String list = "/api/cases/" + care + "/checklist/";
        for (String piece : new String[] {"nationality", "photos", "habitual-residence", "republic-commitment"}) {
            String body = piece.equals("nationality")
                    ? "{\"status\": \"VERIFIED\", \"variant\": \"passport\"}"
                    : "{\"status\": \"RECEIVED\"}";
            assertThat(staff.caseworker.put(list + piece, body).status()).isEqualTo(200);
        }
        assertThat(staff.caseworker
                        .put(list + "birth-certificate", "{\"status\": \"RECEIVED\", \"translated\": true}")
                        .status())
                .isEqualTo(200);
        assertThat(staff.caseworker
                        .put(
                                list + "proof-of-address",
                                "{\"status\": \"RECEIVED\", \"variant\": \"domiciliation\", \"issuedOn\": \"%s\"}"
                                        .formatted(LocalDate.now().minusMonths(8)))
                        .status())
                .isEqualTo(200);

        var view = staff.caseworker.get("/api/cases/" + care + "/checklist").json();
        assertThat(view.get("readyToFile").asBoolean()).as(view.toString()).isTrue();
        var sealed = java.util.stream.StreamSupport.stream(view.get("pieces").spliterator(), false)
                .filter(p -> p.get("sealedForOfii").asBoolean())
                .map(p -> p.get("piece").asText())
                .toList();
        assertThat(sealed).containsExactlyInAnyOrder("medical-report", "ofii-medical-evidence");
        assertThatCode(() -> Tenancy.runAs(ALPHA_CASEWORKER, () -> {
                    // a domiciliation is valid a year, where a bill would be 3 months
                    readiness.requireReady(care, LocalDate.now());
                    return null;
                }))
                .doesNotThrowAnyException();
    }

    private void record(String piece, String body) {
        var response = staff.caseworker.put(checklist + piece, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private void check(LocalDate asOf) {
        Tenancy.runAs(ALPHA_CASEWORKER, () -> {
            readiness.requireReady(caseId, asOf);
            return null;
        });
    }
}
