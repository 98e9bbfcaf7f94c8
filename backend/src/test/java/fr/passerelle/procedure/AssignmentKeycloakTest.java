package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.KeycloakLogin;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assignment checked against the real Keycloak (demo realm): claire.coord of Lyon assigns to
 * ines.lyon, whose name in the audit is Keycloak's; sofia.marseille (another association) and
 * me.durand (a lawyer of Lyon, on a staff task) are refused, naming the field.
 */
@RealKeycloakTest
class AssignmentKeycloakTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCoordinatorAssignsToAMemberFoundInKeycloakAndNobodyElse() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
        Api claire = login("claire.coord");
        JsonNode members = claire.get("/api/association/members").json();
        JsonNode ines = member(members, "ines.lyon");
        String durand = member(members, "me.durand").get("userId").asText();
        String sofia = member(
                        login("marc.coord").get("/api/association/members").json(), "sofia.marseille")
                .get("userId")
                .asText();

        var opened = claire.post("/api/cases", """
                {"applicantName": "Omar Said", "ground": "L435-1", "department": "69"}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.json().get("id").asText();
        String task = claire.get("/api/cases/" + caseId + "/tasks")
                .json()
                .get(0)
                .get("id")
                .asText();
        for (String stranger : new String[] {sofia, durand}) {
            var refused = claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + stranger + "\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").has("assignee")).isTrue();
        }
        var wrongCase = claire.put("/api/cases/" + caseId + "/assignee", "{\"userId\": \"" + sofia + "\"}");
        assertThat(wrongCase.status()).isEqualTo(400);
        assertThat(wrongCase.json().get("errors").has("userId")).isTrue();

        String inesId = ines.get("userId").asText();
        var toInes = claire.put("/api/tasks/" + task + "/assignee", "{\"assignee\": \"" + inesId + "\"}");
        assertThat(toInes.status()).as(toInes.toString()).isEqualTo(204);
        var assigned = claire.put("/api/cases/" + caseId + "/assignee", """
                {"userId": "%s", "name": "Not her name"}""".formatted(inesId));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").get("name").asText())
                .isEqualTo(ines.get("name").asText());
        assertThat(claire.get("/api/audit?caseId=" + caseId).body())
                .contains(ines.get("name").asText() + " (" + inesId + ")")
                .doesNotContain("Not her name");
    }

    private static JsonNode member(JsonNode members, String username) {
        for (JsonNode member : members) {
            if (member.get("username").asText().equals(username)) {
                return member;
            }
        }
        throw new AssertionError(username + " is not listed in " + members);
    }

    private Api login(String username) {
        return Api.at(port)
                .as(KeycloakLogin.accessToken(
                        RealKeycloakTest.ISSUER, RealKeycloakTest.CLIENT, RealKeycloakTest.REDIRECT, username, "demo"));
    }
}
