package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Opening, correcting and assigning cases; what follows from their dates; bad input. */
@ApiTest
class CaseFilesTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Staff staff;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        staff = new Staff(port);
    }

    @Test
    void aCaseIsOpenedForANewApplicantAndARenewalForTheSameOne() {
        var first = Staff.open(staff.caseworker, "\"onlineFiling\": true");
        assertThat(first.get("applicantName").asText()).isEqualTo("Amina Diallo");
        assertThat(first.get("entryDate").asText()).isEqualTo("2014-09-01");
        assertThat(first.get("onlineFiling").asBoolean()).isTrue();
        assertThat(first.get("prefecture").asText()).isEqualTo("Préfecture du Rhône");
        String applicantId = first.get("applicantId").asText();

        var renewal = staff.caseworker.post("/api/cases", """
                {"applicantId": "%s", "ground": "L423-23", "department": "69"}""".formatted(applicantId));
        assertThat(renewal.status()).as(renewal.toString()).isEqualTo(201);
        assertThat(renewal.json().get("applicantId").asText()).isEqualTo(applicantId);

        var applicant = staff.caseworker.get("/api/applicants/" + applicantId).json();
        assertThat(applicant.get("cases")).hasSize(2);
        assertThat(staff.caseworker
                        .get("/api/cases?applicantId=" + applicantId)
                        .json()
                        .get("content"))
                .hasSize(2);
    }

    @Test
    void yearsInFranceAndTheCommissionFollowFromTheDates() {
        var recent = Staff.open(staff.caseworker, null);
        int years = java.time.Period.between(LocalDate.of(2014, 9, 1), LocalDate.now())
                .getYears();
        assertThat(recent.get("yearsInFrance").asInt()).isEqualTo(years);
        assertThat(recent.get("commission").get("mandatory").asBoolean())
                .isEqualTo(LocalDate.of(2024, 9, 1).isBefore(LocalDate.now()));

        // Decided: presence counts to the decision, ten years or less there.
        String id = recent.get("id").asText();
        var decided = staff.caseworker.put("/api/cases/" + id, """
                {"ground": "L435-1", "department": "69", "filedOn": "2024-01-10", "decidedOn": "2024-06-01",
                 "notifiedOn": "2024-06-05", "status": "REFUSED"}""");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("yearsInFrance").asInt()).isEqualTo(9);
        assertThat(decided.json().get("commission").get("mandatory").asBoolean())
                .isFalse();
        assertThat(decided.json().get("status").asText()).isEqualTo("REFUSED");

        var familyTies = staff.caseworker.put("/api/cases/" + id, """
                {"ground": "L423-23", "department": "69", "groundConditionsMet": true}""");
        assertThat(familyTies.json().get("commission").get("mandatory").asBoolean())
                .isTrue();
        assertThat(familyTies.json().get("commission").get("reason").asText()).contains("L432-13");
    }

    @Test
    void impossibleDatesAreRefusedNamingTheFieldAndNothingChanges() {
        String id = Staff.open(staff.caseworker);
        String path = "/api/cases/" + id;
        var decisionBeforeFiling = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "filedOn": "2025-03-01", "decidedOn": "2025-02-01"}""");
        assertThat(decisionBeforeFiling.status()).isEqualTo(422);
        assertThat(decisionBeforeFiling.json().get("errors").has("decidedOn")).isTrue();

        var filedBeforeEntry = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "filedOn": "2013-01-01"}""");
        assertThat(filedBeforeEntry.status()).isEqualTo(422);
        assertThat(filedBeforeEntry.json().get("errors").get("filedOn").asText())
                .contains("entrée en France");
        assertThat(filedBeforeEntry.json().get("errorCodes").get("filedOn").asText())
                .isEqualTo("before_entry");

        var notifiedBeforeDecision = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "filedOn": "2025-01-01", "decidedOn": "2025-03-01",
                 "notifiedOn": "2025-02-01"}""");
        assertThat(notifiedBeforeDecision.json().get("errors").has("notifiedOn"))
                .isTrue();

        var receiptBeforeFiling = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "filedOn": "2025-01-01", "receiptExpiresOn": "2024-12-01"}""");
        assertThat(receiptBeforeFiling.json().get("errors").has("receiptExpiresOn"))
                .isTrue();

        var future = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "decidedOn": "2999-01-01"}""");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").has("decidedOn")).isTrue();

        var wrongType = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "filedOn": "31/01/2025"}""");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asText()).startsWith("filedOn:");

        var impossibleDay = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "filedOn": "2025-02-30"}""");
        assertThat(impossibleDay.status()).isEqualTo(400);
        assertThat(impossibleDay.json().get("detail").asText()).startsWith("filedOn:");

        var unknown = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "tenantId": "beta"}""");
        assertThat(unknown.json().get("errorCodes").get("tenantId").asText()).isEqualTo("unknown_field");

        var editApplicantHere = staff.caseworker.put(path, """
                {"ground": "L435-1", "department": "69", "applicantName": "Someone Else"}""");
        assertThat(editApplicantHere.status()).isEqualTo(422);
        assertThat(editApplicantHere.json().get("errors").has("applicantName")).isTrue();

        var unchanged = staff.caseworker.get(path).json();
        assertThat(unchanged.has("filedOn")).isFalse();
        assertThat(unchanged.has("decidedOn")).isFalse();
        assertThat(unchanged.get("applicantName").asText()).isEqualTo("Amina Diallo");
    }

    @Test
    void openingNamesTheApplicantInExactlyOneWayAndABadApplicantSavesNothing() {
        long cases = count("app.cases");
        long applicants = count("app.applicants");
        var none = staff.caseworker.post("/api/cases", """
                {"ground": "L435-1", "department": "69"}""");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("errors").has("applicant")).isTrue();

        var two = staff.caseworker.post("/api/cases", """
                {"applicantName": "A B", "applicant": {"lastName": "B"}, "ground": "L435-1", "department": "69"}""");
        assertThat(two.status()).isEqualTo(422);

        var bornAfterEntry = staff.caseworker.post("/api/cases", """
                {"applicant": {"lastName": "Diallo", "birthDate": "2000-01-01", "entryDate": "1999-01-01"},
                 "ground": "L435-1", "department": "69"}""");
        assertThat(bornAfterEntry.status()).isEqualTo(422);
        assertThat(bornAfterEntry.json().get("errors").has("entryDate")).isTrue();

        var anotherAssociationsApplicant = staff.betaCaseworker.post("/api/cases", """
                {"applicantId": "%s", "ground": "L435-1", "department": "13"}""".formatted(
                        Staff.open(staff.caseworker, null).get("applicantId").asText()));
        assertThat(anotherAssociationsApplicant.status()).isEqualTo(404);

        assertThat(count("app.cases")).isEqualTo(cases + 1);
        assertThat(count("app.applicants")).isEqualTo(applicants + 1);
    }

    @Test
    void onlyACoordinatorAssignsACaseAndTheAssigneeFindsIt() {
        String id = Staff.open(staff.caseworker);
        String ines = fr.passerelle.support.TestTokens.user("ines").subject();
        var refused = staff.caseworker.put("/api/cases/" + id + "/assignee", """
                {"userId": "%s", "name": "Inès"}""".formatted(ines));
        assertThat(refused.status()).isEqualTo(403);

        var assigned = staff.coordinator.put("/api/cases/" + id + "/assignee", """
                {"userId": "%s", "name": "Inès"}""".formatted(ines));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").get("name").asText())
                .as("the name is the identity provider's, not the request's")
                .isEqualTo("ines");
        assertThat(staff.caseworker.get("/api/cases?assignee=me&size=1000").body())
                .contains(id);

        var stranger = staff.coordinator.put("/api/cases/" + id + "/assignee", """
                {"userId": "someone"}""");
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().get("errors").has("userId")).isTrue();
        assertThat(stranger.json().get("errorCodes").get("userId").asText()).isEqualTo("not_member");

        var unassigned = staff.coordinator.put("/api/cases/" + id + "/assignee", "{\"userId\": null}");
        assertThat(unassigned.json().has("assignee")).isFalse();
    }

    @Test
    void theListFindsACaseByNameOrReferenceWhateverTheAccentsAndNarrowsByGround() {
        String token = "t" + java.util.UUID.randomUUID().toString().substring(0, 8); // this run's case alone
        var helene = staff.caseworker.post("/api/cases", """
                {"applicant": {"firstName": "Hélène", "lastName": "Çelik-Øster %s", "languages": []},
                 "ground": "L423-23", "department": "69"}""".formatted(token));
        assertThat(helene.status()).as(helene.toString()).isEqualTo(201);
        String id = helene.json().get("id").asText();
        String other = Staff.open(staff.caseworker);

        assertThat(ids("q=helene%20celik")).contains(id).doesNotContain(other);
        assertThat(ids("q=CELIK-OSTER%20h%C3%A9l")).contains(id);
        assertThat(ids("q=" + helene.json().get("reference").asText().toLowerCase()))
                .contains(id)
                .doesNotContain(other);
        assertThat(ids("q=helene%20diallo")).isEmpty(); // every word must match
        assertThat(ids("q=%25")).doesNotContain(id, other); // a wildcard is a character like any other
        assertThat(ids("q=helene%20" + token + "&ground=L435-1")).isEmpty();
        assertThat(ids("q=" + token.toUpperCase() + "&ground=L423-23")).containsExactly(id);

        var noSuchGround = staff.caseworker.get("/api/cases?ground=L999");
        assertThat(noSuchGround.status()).isEqualTo(400);
        assertThat(noSuchGround.json().get("errors").has("ground"))
                .as(noSuchGround.toString())
                .isTrue();
        var tooLong = staff.caseworker.get("/api/cases?q=" + "a".repeat(101));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").has("q")).as(tooLong.toString()).isTrue();
    }

    private java.util.List<String> ids(String query) {
        var page = staff.caseworker.get("/api/cases?size=1000&" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        var ids = new java.util.ArrayList<String>();
        page.json().get("content").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void aBadSortIsBadInput() {
        var response = staff.caseworker.get("/api/cases?sort=nonsense");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").has("sort")).isTrue();
    }

    private long count(String table) {
        return Staff.countInAlpha(jdbc, "SELECT count(*) FROM " + table);
    }
}
