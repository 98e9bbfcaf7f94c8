package fr.passerelle.status;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.Role;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 23: the applicant's status link. Without the right code, revoked, or once the case is closed, it
 * shows nothing of the case; the code locks after 5 wrong tries; another association's address gives 404;
 * the page holds none of the staff-only data of the case's full record.
 */
@ApiTest
class StatusLinksTest {
    static final String APPLICANT = """
            {"firstName": "Amina", "lastName": "Diallo", "birthDate": "1990-04-02", "nationality": "MLI",
             "entryDate": "2014-09-01", "languages": ["bambara"], "interpreterNeeded": false,
             "phone": "+33 6 12 34 56 78", "email": "amina@example.org", "addressLine": "3 rue Garibaldi",
             "postalCode": "69003", "city": "Lyon",
             "family": {"maritalStatus": "MARRIED",
                        "spouse": {"name": "Paul Martin", "status": "FRENCH", "unionSince": "2019-06-01"}},
             "familyNotes": "Mother in Villeurbanne since 2012."}""";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api caseworker;
    Api betaCaseworker;
    Api anonymous;
    String caseId;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines.caseworker", group(ALPHA, "caseworker"))
                        .token());
        betaCaseworker = Api.at(port)
                .as(TestTokens.user("sofia", group(BETA, "caseworker")).token());
        anonymous = Api.at(port);
        caseId = open(caseworker);
    }

    static String open(Api as) {
        var created = as.post("/api/cases", """
                {"applicant": %s, "ground": "L435-1", "department": "69", "prefecture": "Préfecture du Rhône"}""".formatted(APPLICANT));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** The link given to the case's applicant: its page's address on the API, and its code. */
    record Given(String api, String code) {}

    Given give(String language) {
        var given = caseworker.post("/api/cases/" + caseId + "/status-link", "{\"language\": \"" + language + "\"}");
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
        String path = URI.create(given.json().get("url").asText()).getPath(); // /suivi/<association>/<token>
        assertThat(path).startsWith("/suivi/" + ALPHA + "/");
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertThat(token).hasSize(22); // 128 random bits, base64url
        assertThat(given.json().get("code").asText()).matches("[0-9]{6}");
        return new Given(
                "/api/status/" + ALPHA + "/" + token, given.json().get("code").asText());
    }

    Api.Response view(Given link, String code) {
        return anonymous.post(link.api() + "/view", "{\"code\": \"" + code + "\"}");
    }

    static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void withoutTheRightCodeTheLinkShowsNothingOfTheCase() {
        Given link = give("en");
        var check = anonymous.get(link.api());
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.json().toString()).isEqualTo("{\"active\":true}");

        var noCode = anonymous.post(link.api() + "/view", "{}");
        assertThat(noCode.status()).as(noCode.toString()).isEqualTo(400);
        assertThat(noCode.json().get("errors").has("code")).isTrue();
        var wrongCode = view(link, wrong(link.code()));
        assertThat(wrongCode.status()).as(wrongCode.toString()).isEqualTo(403);
        assertThat(wrongCode.json().get("detail").asText()).startsWith("Code erroné");
        for (var refused : List.of(check, noCode, wrongCode)) {
            assertThat(refused.body()).doesNotContain("Diallo", "Amina", "Rhône", "L435-1", "MISSING", caseId);
        }

        var page = view(link, link.code());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("language").asText()).isEqualTo("en");
        assertThat(page.json().get("status").asText()).isEqualTo("PREPARATION");
        assertThat(page.json().get("prefecture").asText()).isEqualTo("Préfecture du Rhône");
        assertThat(page.json().get("pieces").findValuesAsText("state")).contains("MISSING");
        assertThat(audited("READ", "applicant"))
                .as("the view is in the case's audit log, by the applicant")
                .isEqualTo(1);

        var french = anonymous.post(link.api() + "/view", "{\"code\": \"" + link.code() + "\", \"language\": \"ar\"}");
        assertThat(french.json().get("language").asText()).isEqualTo("ar");
        assertThat(view(link, link.code()).json().get("language").asText())
                .as("the applicant's choice is kept")
                .isEqualTo("ar");
        var unknownLanguage =
                anonymous.post(link.api() + "/view", "{\"code\": \"" + link.code() + "\", \"language\": \"xx\"}");
        assertThat(unknownLanguage.status()).isEqualTo(400);
        assertThat(unknownLanguage.json().get("errors").has("language")).isTrue();
    }

    @Test
    void theCodeLocksAfterFiveWrongTriesInARow() {
        Given link = give("fr");
        for (int left = 4; left >= 1; left--) {
            var wrongCode = view(link, wrong(link.code()));
            assertThat(wrongCode.status()).isEqualTo(403);
            assertThat(wrongCode.json().get("detail").asText()).contains(String.valueOf(left));
        }
        var fifth = view(link, wrong(link.code()));
        assertThat(fifth.status()).as(fifth.toString()).isEqualTo(423);
        var rightButLocked = view(link, link.code());
        assertThat(rightButLocked.status()).isEqualTo(423);
        assertThat(rightButLocked.json().get("detail").asText()).contains("bloqué");
        assertThat(rightButLocked.body()).doesNotContain("Diallo", "PREPARATION");
        var staffSee =
                caseworker.get("/api/cases/" + caseId + "/status-link").json().get("link");
        assertThat(staffSee.get("locked").asBoolean()).isTrue();

        Given fresh = give("fr");
        assertThat(view(fresh, fresh.code()).status()).isEqualTo(200);
        assertThat(anonymous.get(link.api()).status())
                .as("a new link revokes the old")
                .isEqualTo(404);
    }

    @Test
    void aRightCodeStartsTheCountAgain() {
        Given link = give("fr");
        for (int i = 0; i < 4; i++) {
            view(link, wrong(link.code()));
        }
        assertThat(view(link, link.code()).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(view(link, wrong(link.code())).status()).isEqualTo(403);
        }
    }

    @Test
    void aRevokedLinkAnswers404() {
        Given link = give("fr");
        var shown =
                caseworker.get("/api/cases/" + caseId + "/status-link").json().get("link");
        assertThat(shown.get("code").asText()).as("staff can show it again").isEqualTo(link.code());
        assertThat(caseworker.delete("/api/cases/" + caseId + "/status-link").status())
                .isEqualTo(204);
        assertThat(anonymous.get(link.api()).status()).isEqualTo(404);
        var afterRevocation = view(link, link.code());
        assertThat(afterRevocation.status()).isEqualTo(404);
        assertThat(afterRevocation.body()).doesNotContain("Diallo", "PREPARATION");
        assertThat(caseworker
                        .get("/api/cases/" + caseId + "/status-link")
                        .json()
                        .path("link")
                        .isMissingNode())
                .as("no link once revoked")
                .isTrue();
        assertThat(caseworker.delete("/api/cases/" + caseId + "/status-link").status())
                .isEqualTo(404);
        assertThat(audited("STATUS_LINK_REVOKED", null)).isEqualTo(1);
    }

    @Test
    void onceTheCaseIsClosedTheLinkAnswers404() {
        Given link = give("fr");
        String prepare = null;
        for (JsonNode task : caseworker.get("/api/cases/" + caseId + "/tasks").json()) {
            if ("prepareCase".equals(task.get("taskKey").asText())) {
                prepare = task.get("id").asText();
            }
        }
        assertThat(prepare).as("the preparation task").isNotNull();
        var closing = caseworker.post("/api/tasks/" + prepare + "/complete", """
                {"proceedWithApplication": false, "closingKind": "NOT_OURS_ASYLUM",
                 "closingReason": "Demande d'asile enregistrée au guichet unique"}""");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(204);

        assertThat(anonymous.get(link.api()).status()).isEqualTo(404);
        var afterClosing = view(link, link.code());
        assertThat(afterClosing.status()).isEqualTo(404);
        assertThat(afterClosing.body()).doesNotContain("Diallo", "CLOSED");
        var again = caseworker.post("/api/cases/" + caseId + "/status-link", "{\"language\": \"fr\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anotherAssociationsAddressOrTokenAnswers404() {
        Given link = give("fr");
        String token = link.api().substring(link.api().lastIndexOf('/') + 1);
        assertThat(anonymous.get("/api/status/" + BETA + "/" + token).status()).isEqualTo(404);
        assertThat(anonymous
                        .post("/api/status/" + BETA + "/" + token + "/view", "{\"code\": \"" + link.code() + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(anonymous
                        .get("/api/status/" + ALPHA + "/AAAAAAAAAAAAAAAAAAAAAA")
                        .status())
                .isEqualTo(404);
        assertThat(anonymous.get("/api/status/" + ALPHA + "/not-a-token").status())
                .isEqualTo(404);

        // Another case's link opens that case only; another association's staff cannot reach this one's.
        String other = open(betaCaseworker);
        var betaLink = betaCaseworker.post("/api/cases/" + other + "/status-link", "{\"language\": \"fr\"}");
        assertThat(betaLink.status()).isEqualTo(201);
        String betaPath = URI.create(betaLink.json().get("url").asText()).getPath();
        String betaToken = betaPath.substring(betaPath.lastIndexOf('/') + 1);
        assertThat(anonymous.get("/api/status/" + ALPHA + "/" + betaToken).status())
                .isEqualTo(404);
        for (var call : List.of(
                betaCaseworker.get("/api/cases/" + caseId + "/status-link"),
                betaCaseworker.post("/api/cases/" + caseId + "/status-link", "{\"language\": \"fr\"}"),
                betaCaseworker.delete("/api/cases/" + caseId + "/status-link"))) {
            assertThat(call.status()).as(call.toString()).isEqualTo(404);
        }
        assertThat(view(link, link.code()).status())
                .as("this case's link still opens")
                .isEqualTo(200);
    }

    @Test
    void theApplicantsPageHoldsNoneOfTheStaffOnlyData() {
        String path = "/api/cases/" + caseId;
        assertThat(caseworker
                        .post(path + "/notes", "{\"text\": \"Appelé la préfecture : dossier incomplet\"}")
                        .status())
                .isIn(200, 201);
        var noted = caseworker.put(path + "/checklist/proof-of-address", """
                {"status": "RECEIVED", "note": "Quittance illisible, redemander"}""");
        assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
        assertThat(caseworker
                        .upload(
                                path + "/checklist/nationality/documents",
                                "file",
                                "passeport-scan.png",
                                "image/png",
                                PNG)
                        .status())
                .isEqualTo(201);
        assertThat(caseworker
                        .put("/api/status-contact", "{\"contact\": \"04 78 00 00 00, lundi 9 h - 12 h\"}")
                        .status())
                .isEqualTo(200);
        Given link = give("en");
        JsonNode page = view(link, link.code()).json();

        // The page's fields, each one on purpose (a null one is left out).
        assertThat(fieldNames(page))
                .contains("language", "languages", "association", "contact", "status", "step", "pieces")
                .isSubsetOf(
                        "language",
                        "languages",
                        "association",
                        "contact",
                        "status",
                        "step",
                        "renewal",
                        "prefecture",
                        "dates",
                        "outcome",
                        "deadlines",
                        "pieces");
        assertThat(fieldNames(page.get("dates")))
                .isSubsetOf("appointmentOn", "filedOn", "receiptExpiresOn", "commissionOn", "decidedOn", "notifiedOn");
        assertThat(page.get("pieces")).isNotEmpty();
        for (JsonNode piece : page.get("pieces")) {
            assertThat(fieldNames(piece))
                    .contains("code", "labelFr", "state")
                    .isSubsetOf(
                            "code",
                            "label",
                            "labelFr",
                            "when",
                            "whenFr",
                            "localNote",
                            "localNoteEn",
                            "required",
                            "atDelivery",
                            "state");
        }
        assertThat(page.get("contact").asText()).isEqualTo("04 78 00 00 00, lundi 9 h - 12 h");

        // Every value of the case's full record that the page does not show on purpose is nowhere in it.
        JsonNode full = caseworker.get(path).json();
        List<JsonNode> record = List.of(
                full,
                caseworker
                        .get("/api/applicants/" + full.get("applicantId").asText())
                        .json(),
                caseworker.get(path + "/notes").json(),
                caseworker.get(path + "/checklist").json(),
                caseworker.get(path + "/documents").json(),
                caseworker.get(path + "/tasks").json());
        Set<String> shown = Set.of(
                "status",
                "step",
                "prefecture",
                "piece",
                "label",
                "labelFr",
                "when",
                "whenFr",
                "localNote",
                "localNoteEn",
                "stage",
                "required",
                "department",
                "ground",
                "article",
                "onlineFiling",
                "variants",
                "code",
                "validMonths",
                "problems",
                "problemsFr",
                "documents",
                "readyToFile",
                "source",
                "asOf",
                "translationNeeded",
                "translated",
                "expired",
                "sealedForOfii",
                "legalisationToCheck",
                "contentType");
        List<String> staffOnly = new ArrayList<>();
        for (JsonNode part : record) {
            collect(part, null, shown, staffOnly);
        }
        assertThat(staffOnly)
                .contains("Diallo", "amina@example.org", "Quittance illisible, redemander", "ines.caseworker");
        String body = page.toString();
        for (String value : staffOnly) {
            assertThat(body).as("staff-only value " + value).doesNotContain(value);
        }
    }

    @Test
    void aFileSentFromThePhoneLandsToCheckAndNeverReplacesACheckedPiece() {
        String path = "/api/cases/" + caseId;
        var verified = caseworker.put(path + "/checklist/nationality", "{\"status\": \"VERIFIED\"}");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        Given link = give("fr");

        var sent = send(link, link.code(), "proof-of-address", PNG);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        var again = send(link, link.code(), "nationality", PNG);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);

        JsonNode checklist = caseworker.get(path + "/checklist").json().get("pieces");
        assertThat(state(checklist, "proof-of-address")).isEqualTo("RECEIVED");
        assertThat(state(checklist, "nationality"))
                .as("a checked piece stays checked")
                .isEqualTo("VERIFIED");
        JsonNode documents = caseworker.get(path + "/documents").json();
        assertThat(documents).hasSize(2);
        assertThat(documents.findValuesAsText("fromApplicant")).containsOnly("true");
        assertThat(audited("DOCUMENT_FROM_APPLICANT", "applicant")).isEqualTo(2);

        var svg = send(
                link,
                link.code(),
                "proof-of-address",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes());
        assertThat(svg.status()).isEqualTo(415);
        assertThat(send(link, wrong(link.code()), "proof-of-address", PNG).status())
                .isEqualTo(403);
        assertThat(send(link, link.code(), "marriage-certificate", PNG).status())
                .as("a piece not on the case's checklist")
                .isEqualTo(404);
        assertThat(caseworker.get(path + "/documents").json())
                .as("nothing more stored")
                .hasSize(2);
    }

    /** A file sent from the applicant's page (declared as a PNG photo whatever it holds). */
    @Test
    void aPrefectureKitChangesTheApplicantsListOfPieces() {
        Api coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        String kit = "/api/prefecture-kits/2A/lists/L435-1";
        var created = caseworker.post("/api/cases", """
                {"applicant": %s, "ground": "L435-1", "department": "2A", "prefecture": "Préfecture de Corse-du-Sud"}""".formatted(APPLICANT));
        caseId = created.json().get("id").asText();
        Given link = give("en");
        try {
            assertThat(codes(view(link, link.code()).json().get("pieces"))).contains("stamp-duty");

            assertThat(coordinator
                            .put(kit + "/pieces/stamp-duty", "{\"removed\": true}")
                            .status())
                    .isEqualTo(200);
            assertThat(coordinator.put(kit + "/pieces/proof-of-address", """
                                    {"removed": false, "noteFr": "L'original et 2 copies", "noteEn": "The original and 2 copies"}""").status())
                    .isEqualTo(200);
            assertThat(coordinator.post(kit + "/pieces", """
                                    {"labelFr": "Formulaire de rendez-vous", "labelEn": "Appointment form"}""").status()).isEqualTo(201);

            JsonNode pieces = view(link, link.code()).json().get("pieces");
            assertThat(codes(pieces))
                    .as("a piece the kit removes, never received")
                    .doesNotContain("stamp-duty");
            JsonNode added = piece(pieces, "local-formulaire-de-rendez-vous");
            assertThat(added.get("labelFr").asText()).isEqualTo("Formulaire de rendez-vous");
            assertThat(added.get("label").asText()).isEqualTo("Appointment form");
            assertThat(added.get("state").asText()).isEqualTo("MISSING");
            JsonNode address = piece(pieces, "proof-of-address");
            assertThat(address.get("localNote").asText()).isEqualTo("L'original et 2 copies");
            assertThat(address.get("localNoteEn").asText()).isEqualTo("The original and 2 copies");
        } finally {
            Tenancy.runAs(
                    new CurrentAssociation(ALPHA, Set.of(Role.COORDINATOR)),
                    () -> jdbc.update("DELETE FROM app.prefecture_kit_pieces WHERE department = '2A'"));
        }
    }

    private static List<String> codes(JsonNode pieces) {
        List<String> codes = new ArrayList<>();
        pieces.forEach(piece -> codes.add(piece.get("code").asText()));
        return codes;
    }

    private static JsonNode piece(JsonNode pieces, String code) {
        for (JsonNode piece : pieces) {
            if (piece.get("code").asText().equals(code)) {
                return piece;
            }
        }
        throw new AssertionError("no piece " + code + " in " + pieces);
    }

    private Api.Response send(Given link, String code, String piece, byte[] content) {
        return anonymous.upload(
                link.api() + "/documents?code=" + code + "&piece=" + piece, "file", "photo.png", "image/png", content);
    }

    /** How many entries of this action (by this actor, when given) the case's audit log holds. */
    private long audited(String action, String actor) {
        return fr.passerelle.tenancy.Tenancy.runAs(
                new fr.passerelle.tenancy.CurrentAssociation(ALPHA, Set.of(fr.passerelle.security.Role.COORDINATOR)),
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM app.audit_events WHERE case_id = ?::uuid AND action = ?"
                                + " AND (?::text IS NULL OR actor_id = ?::text)",
                        Long.class,
                        caseId,
                        action,
                        actor,
                        actor));
    }

    private static String state(JsonNode pieces, String piece) {
        for (JsonNode line : pieces) {
            if (line.get("piece").asText().equals(piece)) {
                return line.get("status").asText();
            }
        }
        throw new AssertionError("no piece " + piece);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The textual values (of 4 characters or more) of the fields the page does not show on purpose. */
    private static void collect(JsonNode node, String field, Set<String> shown, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> collect(entry.getValue(), entry.getKey(), shown, into));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, field, shown, into));
        } else if (node.isTextual() && node.asText().length() >= 4 && (field == null || !shown.contains(field))) {
            into.add(node.asText());
        }
    }
}
