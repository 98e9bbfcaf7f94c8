package fr.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.security.KeycloakLogin;
import fr.passerelle.support.Api;
import fr.passerelle.support.Associations;
import fr.passerelle.support.RealKeycloakTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coordinator's member picker (GET /api/association/members) against the real Keycloak and
 * the demo realm: the members of the coordinator's association with their roles, nobody else's;
 * refused to a caseworker.
 */
@RealKeycloakTest
class AssociationMembersTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        Associations.ensure(jdbc, "accueil-lyon", "droits-marseille", "solidarite-lille");
    }

    @Test
    void aCoordinatorListsTheMembersOfHerAssociationWithTheirRoles() {
        var answer = login("claire.coord").get("/api/association/members");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode members = answer.json();
        assertThat(members.findValuesAsText("username"))
                .contains("ines.lyon", "hugo.lyon", "claire.coord")
                .doesNotContain("sofia.marseille", "marc.coord", "admin");
        JsonNode ines = member(members, "ines.lyon");
        assertThat(ines.get("roles").toString()).isEqualTo("[\"caseworker\"]");
        assertThat(ines.get("userId").asText()).isNotBlank();
        assertThat(ines.get("name").asText()).isNotBlank().isNotEqualTo("ines.lyon");
        assertThat(member(members, "claire.coord").get("roles").toString()).contains("coordinator");
        assertThat(ines.has("email")).as("a picker needs no e-mail").isFalse();
    }

    @Test
    void aCaseworkerMayNotListTheMembers() {
        assertThat(login("ines.lyon").get("/api/association/members").status()).isEqualTo(403);
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
