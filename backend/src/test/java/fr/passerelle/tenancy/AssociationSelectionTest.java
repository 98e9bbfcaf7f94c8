package fr.passerelle.tenancy;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A user in several associations chooses one per request, and only one of theirs. */
@ApiTest
class AssociationSelectionTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api lawyer;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, ALPHA, BETA, "gamma");
        lawyer = Api.at(port)
                .as(TestTokens.user(
                                "me.durand",
                                group(ALPHA, "lawyer"),
                                group(BETA, "lawyer"),
                                group(BETA, "coordinator"),
                                "/unrelated/group")
                        .token());
    }

    @Test
    void meListsEveryAssociationWithItsRoles() {
        JsonNode me = lawyer.get("/api/me").json();
        assertThat(me.get("associations")).hasSize(2);
        assertThat(me.get("associations").findValuesAsText("slug")).containsExactlyInAnyOrder(ALPHA, BETA);
        assertThat(me.get("currentAssociation").isNull())
                .as("several associations, none chosen")
                .isTrue();
        JsonNode beta = lawyer.in(BETA).get("/api/me").json();
        assertThat(beta.get("currentAssociation").asText()).isEqualTo(BETA);
        assertThat(beta.toString()).contains("[\"coordinator\",\"lawyer\"]");
    }

    @Test
    void withoutAChoiceATenantResourceAsksForOne() {
        var response = lawyer.get("/api/cases");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("X-Association");
    }

    @Test
    void theChoiceIsCheckedAgainstTheToken() {
        var response = lawyer.in("gamma").get("/api/me");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asText()).contains("gamma");
        assertThat(lawyer.in(BETA).get("/api/cases").status())
                .as("coordinator in beta")
                .isEqualTo(200);
        assertThat(lawyer.in(ALPHA).get("/api/cases").status())
                .as("only a lawyer in alpha")
                .isEqualTo(403);
    }

    @Test
    void aSingleAssociationIsChosenByDefault() {
        Api caseworker = Api.at(port)
                .as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        assertThat(caseworker.get("/api/me").json().get("currentAssociation").asText())
                .isEqualTo(ALPHA);
    }
}
