package fr.passerelle.cases;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** One association never reaches another's cases, and cannot tell whether they exist. */
@ApiTest
class CaseIsolationTest {
    static final String CASE = """
            {"applicantName": "Amina Diallo", "ground": "L435-1", "department": "69"}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api alpha;
    Api beta;
    Api betaCoordinator;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        alpha = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        beta = Api.at(port)
                .as(TestTokens.user("sofia", group(BETA, "caseworker")).token());
        betaCoordinator = Api.at(port)
                .as(TestTokens.user("marc", group(BETA, "coordinator")).token());
    }

    @Test
    void anAssociationGetsNothingOfAnothersCases() {
        var created = alpha.post("/api/cases", CASE);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String path = "/api/cases/" + id;

        var betaList = beta.get("/api/cases?size=1000");
        assertThat(betaList.status()).isEqualTo(200);
        assertThat(betaList.body()).doesNotContain(id);

        assertThat(beta.get(path).status()).isEqualTo(404);
        assertThat(beta.put(path, """
                {"ground": "L423-23", "department": "69"}""").status()).isEqualTo(404);
        assertThat(betaCoordinator.delete(path).status()).isEqualTo(404);

        var stillThere = alpha.get(path);
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.json().get("applicantName").asText()).isEqualTo("Amina Diallo");
        assertThat(alpha.get("/api/cases?size=1000").body()).contains(id);
    }

    @Test
    void theNotFoundAnswerIsTheSameForAnothersCaseAndForNoCase() {
        String id = alpha.post("/api/cases", CASE).json().get("id").asText();
        var other = beta.get("/api/cases/" + id);
        var none = beta.get("/api/cases/00000000-0000-0000-0000-000000000000");
        assertThat(other.status()).isEqualTo(none.status()).isEqualTo(404);
        assertThat(other.json().get("title")).isEqualTo(none.json().get("title"));
    }

    @Test
    void aCaseIsOpenedReadUpdatedAndDeletedWithinItsAssociation() {
        Api coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
        var created = alpha.post("/api/cases", CASE);
        String path = "/api/cases/" + created.json().get("id").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("PREPARATION");
        assertThat(created.json().get("reference").asText()).matches("\\d{4}-[0-9A-Z]+");

        var updated = alpha.put(path, """
                {"ground": "L423-23", "department": "2A"}""");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("ground").asText()).isEqualTo("L423-23");

        assertThat(alpha.delete(path).status())
                .as("a caseworker does not delete")
                .isEqualTo(403);
        assertThat(coordinator.delete(path).status()).isEqualTo(204);
        assertThat(alpha.get(path).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long before = countAlphaCases();
        var blank = alpha.post("/api/cases", CASE.replace("Amina Diallo", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").has("applicantName")).isTrue();

        var unknownGround = alpha.post("/api/cases", CASE.replace("L435-1", "L999-9"));
        assertThat(unknownGround.status()).isEqualTo(400);
        assertThat(unknownGround.json().get("detail").asText()).startsWith("ground:");

        var unknownField = alpha.post("/api/cases", CASE.replace("}", ", \"tenantId\": \"beta\"}"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errorCodes").get("tenantId").asText())
                .isEqualTo("unknown_field");

        var badDepartment = alpha.post("/api/cases", CASE.replace("\"69\"", "\"20\""));
        assertThat(badDepartment.status()).isEqualTo(400);
        assertThat(badDepartment.json().get("errors").has("department")).isTrue();

        var malformed = alpha.post("/api/cases", "{\"applicantName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(countAlphaCases()).isEqualTo(before);
    }

    @Test
    void lawyersAndPlatformAdminsDoNotBrowseCaseFiles() {
        Api lawyer = Api.at(port)
                .as(TestTokens.user("me.durand", group(ALPHA, "lawyer")).token());
        Api admin = Api.at(port).as(TestTokens.user("admin").platformAdmin().token());
        assertThat(lawyer.get("/api/cases").status()).isEqualTo(403);
        assertThat(lawyer.post("/api/cases", CASE).status()).isEqualTo(403);
        assertThat(admin.get("/api/cases").status())
                .as("an admin belongs to no association")
                .isEqualTo(400);
        assertThat(admin.in(ALPHA).get("/api/cases").status()).isEqualTo(403);
    }

    private long countAlphaCases() {
        return alpha.get("/api/cases?size=1")
                .json()
                .get("page")
                .get("totalElements")
                .asLong();
    }
}
