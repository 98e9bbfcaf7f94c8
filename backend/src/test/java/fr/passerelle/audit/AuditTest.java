package fr.passerelle.audit;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class AuditTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    Api caseworker;
    Api coordinator;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA);
        caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
    }

    @Test
    void everyReadAndChangeOfACaseIsLoggedForTheCoordinator() {
        String id = caseworker.post("/api/cases", """
                {"applicantName": "Amina Diallo", "ground": "L435-1", "department": "69"}""").json().get("id").asText();
        caseworker.get("/api/cases/" + id);
        caseworker.put("/api/cases/" + id, """
                {"ground": "L423-23", "department": "69"}""");

        var log = coordinator.get("/api/audit?caseId=" + id);
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        assertThat(log.json().findValuesAsText("action")).containsExactly("CASE_UPDATED", "READ", "CASE_OPENED");
        assertThat(log.json().findValuesAsText("actorName")).containsOnly("ines");
    }

    @Test
    void onlyTheAssociationsCoordinatorReadsItsLog() {
        String id = caseworker.post("/api/cases", """
                {"applicantName": "Youssef Benali", "ground": "L435-1", "department": "69"}""").json().get("id").asText();
        assertThat(caseworker.get("/api/audit?caseId=" + id).status()).isEqualTo(403);
        Api otherCoordinator = Api.at(port)
                .as(TestTokens.user("marc", group(BETA, "coordinator")).token());
        var other = otherCoordinator.get("/api/audit?caseId=" + id);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json()).isEmpty();
    }

    @Test
    void theServiceCannotRewriteTheLog() {
        assertThatThrownBy(() -> {
                    try (var connection = DriverManager.getConnection(url, "passerelle_app", "")) {
                        connection
                                .createStatement()
                                .execute("SELECT set_config('passerelle.tenant_id', 'alpha', false)");
                        connection.createStatement().executeUpdate("DELETE FROM app.audit_events");
                    }
                })
                .hasMessageContaining("permission denied");
    }
}
