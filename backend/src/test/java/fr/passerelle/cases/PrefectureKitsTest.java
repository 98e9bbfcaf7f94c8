package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prefecture kits: a coordinator's adjustments of a department's checklists apply to the cases of the
 * department (the staff's checklist, the filing guard and the list other modules read), are kept with
 * who made them, and only a published copy is seen by another association. Departments 23 and 87 are
 * this test's: no other test opens cases there.
 */
@ApiTest
class PrefectureKitsTest {
    static final CurrentAssociation ALPHA_CASEWORKER = new CurrentAssociation(ALPHA, Set.of(Role.CASEWORKER));
    static final CurrentAssociation BETA_COORDINATOR = new CurrentAssociation(BETA, Set.of(Role.COORDINATOR));
    static final String KIT = "/api/prefecture-kits/23/lists/L435-1";
    static final String ADDED = "local-formulaire-de-demande-de-rendez-vous";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Checklists checklists;

    @Autowired
    CaseRepository cases;

    @Autowired
    FilingReadiness readiness;

    Staff staff;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
        for (String association : List.of(ALPHA, BETA)) {
            Tenancy.runAs(new CurrentAssociation(association, Set.of(Role.COORDINATOR)), () -> {
                jdbc.update("DELETE FROM app.prefecture_kit_pieces WHERE department IN ('23', '87')");
                return jdbc.update("DELETE FROM app.shared_prefecture_kits WHERE department IN ('23', '87')");
            });
        }
    }

    @Test
    void aKitChangesTheChecklistOfTheDepartmentsCasesOpenOnesTooAndNeverLosesAReceivedPiece() {
        UUID inCreuse = open("23");
        UUID inRhone = open("69");
        assertThat(staff.caseworker
                        .put(checklist(inCreuse) + "/photos", "{\"status\": \"RECEIVED\"}")
                        .status())
                .isEqualTo(200);

        ok(staff.coordinator.put(KIT + "/pieces/photos", "{\"removed\": true}"));
        ok(staff.coordinator.put(KIT + "/pieces/stamp-duty", "{\"removed\": true}"));
        ok(staff.coordinator.put(KIT + "/pieces/proof-of-address", """
                {"removed": false, "noteFr": "L'original et 2 copies", "noteEn": "The original and 2 copies"}"""));
        var added = staff.coordinator.post(KIT + "/pieces", """
                {"labelFr": "Formulaire de demande de rendez-vous", "labelEn": "Appointment request form",
                 "noteFr": "Rendez-vous uniquement par le formulaire en ligne"}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(line(added.json(), ADDED).get("fromCatalogue").asBoolean()).isFalse();

        JsonNode pieces = staff.caseworker.get(checklist(inCreuse)).json().get("pieces");
        JsonNode form = line(pieces, ADDED);
        assertThat(form.get("labelFr").asText()).isEqualTo("Formulaire de demande de rendez-vous");
        assertThat(form.get("label").asText()).isEqualTo("Appointment request form");
        assertThat(form.get("required").asBoolean()).isTrue();
        assertThat(form.get("status").asText()).isEqualTo("MISSING");
        assertThat(form.get("addedByKit").asBoolean()).isTrue();
        assertThat(form.get("localNote").asText()).isEqualTo("Rendez-vous uniquement par le formulaire en ligne");
        assertThat(line(pieces, "proof-of-address").get("localNote").asText()).isEqualTo("L'original et 2 copies");
        assertThat(line(pieces, "proof-of-address").get("localNoteEn").asText()).isEqualTo("The original and 2 copies");
        assertThat(codes(pieces)).as("removed and never recorded: gone").doesNotContain("stamp-duty");
        JsonNode photos = line(pieces, "photos");
        assertThat(photos.get("status").asText())
                .as("removed but received: kept")
                .isEqualTo("RECEIVED");
        assertThat(photos.get("removedByKit").asBoolean()).isTrue();
        assertThat(photos.get("required").asBoolean()).isFalse();

        assertThat(codes(staff.caseworker.get(checklist(inRhone)).json().get("pieces")))
                .as("another department's case")
                .contains("stamp-duty")
                .doesNotContain(ADDED);

        // the lines every reader goes through (the public FilingReadiness, the applicant's page) follow the kit
        List<ChecklistLine> missing = Tenancy.runAs(
                ALPHA_CASEWORKER,
                () -> checklists.lines(cases.require(inCreuse), checklists.today()).stream()
                        .filter(line -> line.status() == PieceStatus.MISSING)
                        .toList());
        assertThat(missing).extracting(ChecklistLine::piece).contains(ADDED, "proof-of-address");
        assertThat(missing).extracting(ChecklistLine::piece).doesNotContain("stamp-duty", "photos");
        assertThat(missing.stream()
                        .filter(p -> p.piece().equals(ADDED))
                        .findFirst()
                        .orElseThrow()
                        .localNote())
                .isEqualTo("Rendez-vous uniquement par le formulaire en ligne");
        assertThatThrownBy(() -> Tenancy.runAs(ALPHA_CASEWORKER, () -> {
                    readiness.requireReady(inCreuse);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        FilingNotReadyException.class,
                        e -> assertThat(e.pieces()).containsKey(ADDED).doesNotContainKeys("stamp-duty", "photos"));

        // a caseworker records the added piece like any other
        assertThat(staff.caseworker
                        .put(checklist(inCreuse) + "/" + ADDED, "{\"status\": \"RECEIVED\"}")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("RECEIVED");

        // withdrawn from the kit, the received added piece stays on the case under its label
        ok(staff.coordinator.put(KIT + "/pieces/" + ADDED, "{\"removed\": true}"));
        ok(staff.coordinator.put(KIT + "/pieces/photos", "{\"removed\": false}"));
        pieces = staff.caseworker.get(checklist(inCreuse)).json().get("pieces");
        assertThat(line(pieces, ADDED).get("removedByKit").asBoolean()).isTrue();
        assertThat(line(pieces, ADDED).get("labelFr").asText()).isEqualTo("Formulaire de demande de rendez-vous");
        assertThat(line(pieces, "photos").get("required").asBoolean()).isTrue();
        assertThat(line(pieces, "photos").get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void everyChangeIsInTheKitsHistoryAndTheAssociationsAuditLog() {
        ok(staff.coordinator.put(KIT + "/pieces/photos", "{\"removed\": false, \"noteFr\": \"3 photos récentes\"}"));
        ok(staff.coordinator.put(KIT + "/pieces/nationality", "{\"removed\": true}"));

        JsonNode history =
                staff.caseworker.get("/api/prefecture-kits/23/history").json();
        assertThat(history.get(0).get("change").asText()).isEqualTo("REMOVED");
        assertThat(history.get(0).get("piece").asText()).isEqualTo("nationality");
        assertThat(history.get(0).get("byName").asText()).isEqualTo("claire");
        assertThat(history.get(1).get("change").asText()).isEqualTo("NOTED");
        assertThat(history.get(1).get("detail").asText()).isEqualTo("3 photos récentes");
        assertThat(history.get(1).get("list").asText()).isEqualTo("L435-1");

        JsonNode log = staff.coordinator.get("/api/audit?limit=20").json();
        assertThat(log.findValuesAsText("action")).contains("PREFECTURE_KIT_REMOVED", "PREFECTURE_KIT_NOTED");
        assertThat(log.findValuesAsText("detail")).contains("23 · L435-1 · photos · 3 photos récentes");
    }

    @Test
    void aCaseworkerReadsAKitButCannotChangeOrPublishIt() {
        assertThat(staff.caseworker.get(KIT).status()).isEqualTo(200);
        assertThat(staff.caseworker
                        .put(KIT + "/pieces/photos", "{\"removed\": true}")
                        .status())
                .isEqualTo(403);
        assertThat(staff.caseworker
                        .post(KIT + "/pieces", "{\"labelFr\": \"Pièce\", \"labelEn\": \"Piece\"}")
                        .status())
                .isEqualTo(403);
        assertThat(staff.caseworker
                        .put("/api/prefecture-kits/23/publication", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(staff.caseworker
                        .post("/api/prefecture-kits/23/copy", "{\"from\": \"beta\"}")
                        .status())
                .isEqualTo(403);
        assertThat(staff.lawyer.get(KIT).status()).as("a lawyer").isEqualTo(403);
        assertThat(adjusted(ALPHA, "23")).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheProblemAndNothingIsSaved() {
        int before =
                staff.coordinator.get("/api/prefecture-kits/23/history").json().size();
        refused(staff.coordinator.get("/api/prefecture-kits/20/lists/L435-1"), 400, "department", "not_department");
        refused(staff.coordinator.get("/api/prefecture-kits/23/lists/L999-9"), 400, "list", "not_checklist");
        refused(staff.coordinator.post(KIT + "/pieces", "{\"labelFr\": \"Pièce\"}"), 400, "labelEn", null);
        refused(
                staff.coordinator.put(KIT + "/pieces/photos", "{\"removed\": false, \"noteEn\": \"Two copies\"}"),
                400,
                "noteFr",
                "note_in_french_first");
        refused(
                staff.coordinator.put(KIT + "/pieces/photos", "{\"removed\": false, \"required\": false}"),
                400,
                "required",
                "only_added_pieces");
        refused(staff.coordinator.put(KIT + "/pieces/photos", "{\"noteFr\": \"x\"}"), 400, "removed", null);
        var unknown = staff.coordinator.put(KIT + "/pieces/no-such-piece", "{\"removed\": true}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("no-such-piece");
        var empty = staff.coordinator.put("/api/prefecture-kits/23/publication", "{}");
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.json().get("detail").asText()).contains("23");

        String piece = "{\"labelFr\": \"Justificatif CAF\", \"labelEn\": \"CAF certificate\"}";
        assertThat(staff.coordinator.post(KIT + "/pieces", piece).status()).isEqualTo(201);
        var twice = staff.coordinator.post(KIT + "/pieces", piece);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).contains("Justificatif CAF");

        assertThat(adjusted(ALPHA, "23")).as("only the one piece added").isEqualTo(1);
        assertThat(staff.coordinator
                        .get("/api/prefecture-kits/23/history")
                        .json()
                        .size())
                .isEqualTo(before + 1);
    }

    @Test
    void anotherAssociationReadsThePublishedCopyAndNothingOfTheWorkingKit() {
        String alphaKit = "/api/prefecture-kits/87/lists/L435-1";
        ok(staff.coordinator.put(alphaKit + "/pieces/photos", "{\"removed\": false, \"noteFr\": \"3 photos\"}"));
        assertThat(staff.coordinator
                        .put("/api/prefecture-kits/87/publication", "{}")
                        .status())
                .isEqualTo(200);
        // changed after publishing: alpha's alone until published again
        assertThat(staff.coordinator
                        .post(alphaKit + "/pieces", "{\"labelFr\": \"Pièce privée\", \"labelEn\": \"Private piece\"}")
                        .status())
                .isEqualTo(201);

        var shared = staff.betaCaseworker.get("/api/prefecture-kits/87/shared");
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.json()).hasSize(1);
        JsonNode copy = shared.json().get(0);
        assertThat(copy.get("association").asText()).isEqualTo(ALPHA);
        assertThat(copy.get("associationName").asText()).isEqualTo("Association alpha");
        assertThat(copy.get("pieces")).hasSize(1);
        assertThat(copy.get("pieces").get(0).get("noteFr").asText()).isEqualTo("3 photos");
        assertThat(shared.body()).doesNotContain("Pièce privée", "claire");
        assertThat(staff.betaCaseworker
                        .get("/api/prefecture-kits")
                        .json()
                        .get("shared")
                        .toString())
                .contains("\"department\":\"87\"");

        // nothing of alpha's working kit or history, through the API or in the database
        assertThat(codes(staff.betaCoordinator.get(alphaKit).json().get("pieces")))
                .doesNotContain("local-piece-privee");
        assertThat(staff.betaCoordinator.get("/api/prefecture-kits/87/history").body())
                .doesNotContain("claire");
        assertThat(staff.coordinator.get("/api/prefecture-kits/87/shared").json())
                .as("one's own publication is not among the others'")
                .isEmpty();
        Tenancy.runAs(BETA_COORDINATOR, () -> {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM app.prefecture_kit_pieces WHERE tenant_id = 'alpha'", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM app.prefecture_kit_changes WHERE tenant_id = 'alpha'", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM app.shared_prefecture_kits WHERE tenant_id = 'alpha'", Long.class))
                    .isEqualTo(1);
            assertThat(jdbc.update("UPDATE app.shared_prefecture_kits SET pieces = '[]' WHERE tenant_id = 'alpha'"))
                    .as("read by all, written by its owner only")
                    .isZero();
            assertThat(jdbc.update("DELETE FROM app.shared_prefecture_kits WHERE tenant_id = 'alpha'"))
                    .isZero();
            assertThatThrownBy(() -> jdbc.update("""
                            INSERT INTO app.shared_prefecture_kits (tenant_id, department, pieces, published_at)
                            VALUES ('alpha', '13', '[]', now())""")).hasStackTraceContaining("row-level security");
            return null;
        });

        // beta starts from alpha's published kit: its cases of the department follow it
        assertThat(staff.betaCoordinator
                        .post("/api/prefecture-kits/87/copy", "{\"from\": \"gamma\"}")
                        .status())
                .isEqualTo(404);
        var copied = staff.betaCoordinator.post("/api/prefecture-kits/87/copy", "{\"from\": \"alpha\"}");
        assertThat(copied.status()).as(copied.toString()).isEqualTo(200);
        var opened = staff.betaCaseworker.post("/api/cases", """
                {"applicantName": "Nadia Haddad", "ground": "L435-1", "department": "87"}""");
        JsonNode betaPieces = staff.betaCaseworker
                .get(checklist(UUID.fromString(opened.json().get("id").asText())))
                .json()
                .get("pieces");
        assertThat(line(betaPieces, "photos").get("localNote").asText()).isEqualTo("3 photos");
        assertThat(codes(betaPieces)).doesNotContain("local-piece-privee");
        assertThat(staff.betaCoordinator
                        .get("/api/prefecture-kits/87/history")
                        .json()
                        .get(0)
                        .get("change")
                        .asText())
                .isEqualTo("COPIED");

        assertThat(staff.coordinator
                        .delete("/api/prefecture-kits/87/publication")
                        .status())
                .isEqualTo(204);
        assertThat(staff.betaCaseworker.get("/api/prefecture-kits/87/shared").json())
                .isEmpty();
    }

    private UUID open(String department) {
        var opened = staff.caseworker.post("/api/cases", """
                {"applicantName": "Samir Benali", "ground": "L435-1", "department": "%s"}""".formatted(department));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return UUID.fromString(opened.json().get("id").asText());
    }

    private static String checklist(UUID caseId) {
        return "/api/cases/" + caseId + "/checklist";
    }

    private long adjusted(String association, String department) {
        return Tenancy.runAs(
                new CurrentAssociation(association, Set.of(Role.COORDINATOR)),
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM app.prefecture_kit_pieces WHERE department = ?", Long.class, department));
    }

    private static void ok(fr.passerelle.support.Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void refused(fr.passerelle.support.Api.Response response, int status, String field, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("errors").has(field))
                .as(response.toString())
                .isTrue();
        if (code != null) {
            assertThat(response.json().get("errorCodes").get(field).asText()).isEqualTo(code);
        }
    }

    private static JsonNode line(JsonNode node, String piece) {
        JsonNode pieces = node.has("pieces") ? node.get("pieces") : node;
        return StreamSupport.stream(pieces.spliterator(), false)
                .filter(p -> p.get("piece").asText().equals(piece))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no piece " + piece + " in " + pieces));
    }

    private static List<String> codes(JsonNode pieces) {
        return StreamSupport.stream(pieces.spliterator(), false)
                .map(p -> p.get("piece").asText())
                .toList();
    }
}
